// What ffprobe says of a stored take.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Container, streams and duration (seconds) of a media file. Chrome's WebM has
 * no duration, so the file is remuxed (`-c copy`) to read one, unless `remux` is false. */
export function probe(path, { remux = true } = {}) {
  const info = ffprobe(path);
  let duration = Number.parseFloat(info.format.duration);
  if (!Number.isFinite(duration) && remux) {
    const remuxed = join(mkdtempSync(join(tmpdir(), 'ir-probe-')), 'remuxed.mkv');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path, '-c', 'copy', remuxed]);
    duration = Number.parseFloat(ffprobe(remuxed).format.duration);
  }
  return {
    format: info.format.format_name,
    streams: info.streams.map((s) => ({ type: s.codec_type, codec: s.codec_name })),
    duration,
  };
}

function ffprobe(path) {
  const json = execFileSync('ffprobe', [
    '-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_type,codec_name',
    '-of', 'json', path,
  ]);
  return JSON.parse(json.toString());
}

/** sha256 of a file, lowercase hex. */
export function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
