/**
 * The built-in engine: deterministic es/en intent detection and replies filled from the store's data, with
 * extractive summaries. It is the offline default (no model weights can be downloaded here) and the fallback
 * for every remote provider call.
 */
export { builtinSuggestReplies, analyzeMessage, type ReplyContext, type MessageAnalysis } from './builtin/engine';
export { builtinSummarize, type SummaryContext } from './builtin/summarize';
export { BUILTIN_MODEL_ID } from './index';
