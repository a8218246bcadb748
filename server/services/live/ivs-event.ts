import { z } from 'zod';

/**
 * The EventBridge events IVS sends (source "aws.ivs"), as far as VITA reads them. The local live server emits the
 * same shapes. Delivery is best effort: late (hours), out of order, duplicated — the handler copes with all three.
 */
export const ZIvsEvent = z.object({
  id: z.string().optional(),
  source: z.string(),
  'detail-type': z.string(),
  /** When the thing happened (not when it was delivered): ISO 8601. */
  time: z.string(),
  /** [channel ARN] */
  resources: z.array(z.string()).default([]),
  detail: z
    .object({
      event_name: z.string().optional(),
      channel_name: z.string().optional(),
      stream_id: z.string().optional(),
      recording_status: z.string().optional(),
      recording_status_reason: z.string().optional(),
      recording_s3_bucket_name: z.string().optional(),
      recording_s3_key_prefix: z.string().optional(),
      recording_duration_ms: z.number().optional(),
      recording_session_id: z.string().optional(),
      recording_session_stream_ids: z.array(z.string()).optional(),
    })
    .passthrough(),
});
export type IvsEvent = z.infer<typeof ZIvsEvent>;

export const STREAM_STATE_CHANGE = 'IVS Stream State Change';
export const RECORDING_STATE_CHANGE = 'IVS Recording State Change';

/** `events/recording-ended.json` as IVS writes it beside the recording (only the fields read here). */
export const ZRecordingEnded = z
  .object({
    recording_started_at: z.string().optional(),
    recording_ended_at: z.string().optional(),
    recording_status: z.string().optional(),
    media: z
      .object({
        hls: z.object({ path: z.string(), playlist: z.string(), duration_ms: z.number().optional() }).passthrough(),
      })
      .passthrough(),
  })
  .passthrough();
export type RecordingEnded = z.infer<typeof ZRecordingEnded>;

/** Reads a JSON object of a recording (S3 in the cloud, the local recordings directory locally). */
export type RecordingReader = (bucket: string, key: string) => Promise<unknown | null>;
