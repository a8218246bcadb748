import { spawn, type ChildProcess } from 'node:child_process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffmpegPath = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/**
 * A synthetic portrait broadcast (ffmpeg testsrc2 with a clock + a sine tone), H.264 main / AAC, one keyframe a second,
 * published over RTMP like OBS would. Resolves the child process; `seconds` bounds it (0 = until killed).
 */
export function pushTestStream(opts: { url: string; seconds?: number; width?: number; height?: number; fps?: number; quiet?: boolean }): ChildProcess {
  const { width = 360, height = 640, fps = 30 } = opts;
  const args = [
    '-hide_banner',
    '-loglevel', opts.quiet === false ? 'info' : 'error',
    '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    ...(opts.seconds ? ['-t', String(opts.seconds)] : []),
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-profile:v', 'main',
    '-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0', '-b:v', '800k',
    '-c:a', 'aac', '-b:a', '96k', '-ar', '44100',
    '-f', 'flv', opts.url,
  ];
  return spawn(ffmpegPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}
