/**
 * Reads HTTP/1.1 responses off a byte stream, keeping only what a latency probe needs: the status, where
 * the message ends (RFC 9112 §6.3: no body, Content-Length, chunked, or until the connection closes),
 * whether the connection stays open, and the server's keep-alive timeout. The body is counted, never
 * copied, and headers are compared as bytes, so a response costs no strings: this is the probe's hot path.
 */

const CR = 13;
const LF = 10;
const COLON = 58;
const MAX_HEAD_BYTES = 80 * 1024;

type State =
  'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done';

export interface ResponseEvents {
  /** The final (non-1xx) status line and headers were read. */
  onHead(status: number, keepAlive: boolean, keepAliveTimeoutS: number | undefined): void;
  /** The whole message was read. */
  onComplete(): void;
}

/** Lower-case ASCII names compared byte by byte, case-insensitively. */
const NAMES = {
  contentLength: Buffer.from('content-length'),
  transferEncoding: Buffer.from('transfer-encoding'),
  connection: Buffer.from('connection'),
  keepAlive: Buffer.from('keep-alive'),
};

function nameIs(buf: Buffer, from: number, to: number, name: Buffer): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if ((buf[from + i] | 0x20) !== name[i]) return false;
  return true;
}

/** A decimal number between optional blanks, read from the bytes; −1 when it is not one. */
function decimal(buf: Buffer, from: number, to: number): number {
  while (from < to && (buf[from] === 32 || buf[from] === 9)) from++;
  while (to > from && (buf[to - 1] === 32 || buf[to - 1] === 9)) to--;
  if (from === to || to - from > 15) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = buf[i] - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** "HTTP/1." as bytes. */
const VERSION = Buffer.from('HTTP/1.');

function trimmed(buf: Buffer, from: number, to: number): string {
  return buf.toString('latin1', from, to).trim().toLowerCase();
}

export class ResponseReader {
  private state: State = 'head';
  private head?: Buffer;
  private remaining = 0;
  private chunkSize = -1;
  /** Past a chunk size's digits, in its `;extension` (ignored). */
  private inExtension = false;
  /** Bytes on the current trailer line: an empty line ends the message. */
  private trailerLine = 0;

  /** `head`: the request was a HEAD, so the response announces a body it does not carry. */
  constructor(
    private readonly events: ResponseEvents,
    private readonly headRequest: boolean,
  ) {}

  /** Reads a chunk; returns an error message when the bytes are not an HTTP/1.x response. */
  feed(chunk: Buffer): string | undefined {
    let at = 0;
    while (at < chunk.length) {
      switch (this.state) {
        case 'head': {
          const result = this.readHead(chunk, at);
          if (typeof result === 'string') return result;
          if (result < 0) return undefined;
          at = result;
          break;
        }
        case 'length': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.complete();
          break;
        }
        case 'chunk-size': {
          const result = this.readChunkSize(chunk, at);
          if (typeof result === 'string') return result;
          at = result;
          break;
        }
        case 'chunk-data': {
          const take = Math.min(this.remaining, chunk.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.state = 'chunk-end';
          break;
        }
        case 'chunk-end': {
          // The CRLF after a chunk's data.
          if (chunk[at] === LF) this.state = 'chunk-size';
          else if (chunk[at] !== CR) return 'a chunk is not followed by CRLF';
          at++;
          break;
        }
        case 'trailers': {
          const result = this.readTrailers(chunk, at);
          if (typeof result === 'string') return result;
          at = result;
          break;
        }
        case 'until-close':
          return undefined;
        case 'done':
          return 'bytes after the end of the response';
      }
    }
    return undefined;
  }

  /** The connection closed: ends a message delimited by the close; false when a message was cut short. */
  closed(): boolean {
    if (this.state === 'until-close') {
      this.complete();
      return true;
    }
    return this.state === 'done' || (this.state === 'head' && this.head === undefined);
  }

  /** Ready for the next response on the same connection. */
  reset(): void {
    this.state = 'head';
    this.head = undefined;
  }

  private complete(): void {
    this.state = 'done';
    this.events.onComplete();
  }

  /** Collects the status line and headers; returns the offset after them, or −1 when more are needed. */
  private readHead(chunk: Buffer, at: number): number | string {
    let buf = chunk;
    let start = at;
    if (this.head) {
      buf = Buffer.concat([this.head, chunk.subarray(at)]);
      start = 0;
    }
    const end = buf.indexOf('\r\n\r\n', start, 'latin1');
    if (end < 0) {
      if (buf.length - start > MAX_HEAD_BYTES) return 'headers larger than 80 KiB';
      this.head = Buffer.from(buf.subarray(start));
      return -1;
    }
    const consumed = this.head ? this.head.length : 0;
    this.head = undefined;
    const error = this.parseHead(buf, start, end);
    if (error) return error;
    // Offset in `chunk` just after the blank line.
    return at + (end + 4 - start) - consumed;
  }

  private parseHead(buf: Buffer, start: number, end: number): string | undefined {
    // "HTTP/1.x NNN reason"
    if (end - start < 12 || buf.compare(VERSION, 0, 7, start, start + 7) !== 0)
      return 'no HTTP/1.x status line';
    const minor = buf[start + 7] - 48;
    const status = decimal(buf, start + 9, start + 12);
    if (status < 100 || buf[start + 8] !== 32 || buf[start + 9] === 32) return 'a malformed status line';
    let length: number | undefined;
    let chunked = false;
    let close = minor === 0;
    let keepAliveTimeoutS: number | undefined;
    let line = buf.indexOf(LF, start) + 1;
    while (line < end + 2) {
      const lineEnd = buf.indexOf(CR, line);
      const colon = buf.indexOf(COLON, line);
      if (colon < 0 || colon > lineEnd) return 'a header line without a colon';
      if (nameIs(buf, line, colon, NAMES.contentLength)) {
        const value = decimal(buf, colon + 1, lineEnd);
        if (value < 0) return 'an invalid Content-Length';
        length = value;
      } else if (nameIs(buf, line, colon, NAMES.transferEncoding)) {
        chunked = /(?:^|,)\s*chunked\s*$/.test(trimmed(buf, colon + 1, lineEnd));
      } else if (nameIs(buf, line, colon, NAMES.connection)) {
        const tokens = trimmed(buf, colon + 1, lineEnd);
        if (/(?:^|,)\s*close\s*(?:,|$)/.test(tokens)) close = true;
        else if (/(?:^|,)\s*keep-alive\s*(?:,|$)/.test(tokens)) close = false;
      } else if (nameIs(buf, line, colon, NAMES.keepAlive)) {
        const timeout = /timeout\s*=\s*(\d+)/.exec(trimmed(buf, colon + 1, lineEnd));
        if (timeout) keepAliveTimeoutS = Number(timeout[1]);
      }
      line = lineEnd + 2;
    }
    if (status < 200 && status !== 101) {
      // An interim response (100 Continue, 103 Early Hints): the final one follows.
      this.state = 'head';
      return undefined;
    }
    const noBody = this.headRequest || status === 204 || status === 304 || status === 101;
    const untilClose = !noBody && !chunked && length === undefined;
    this.events.onHead(status, !close && !untilClose, keepAliveTimeoutS);
    if (noBody || (!chunked && length === 0)) this.complete();
    else if (chunked) this.state = 'chunk-size';
    else if (length !== undefined) {
      this.remaining = length;
      this.state = 'length';
    } else this.state = 'until-close';
    return undefined;
  }

  /** Reads a chunk-size line (hex digits, optional extensions, CRLF). */
  private readChunkSize(chunk: Buffer, at: number): number | string {
    while (at < chunk.length) {
      const byte = chunk[at++];
      if (byte === LF) {
        if (this.chunkSize < 0) return 'a chunk without a size';
        if (this.chunkSize === 0) this.state = 'trailers';
        else {
          this.remaining = this.chunkSize;
          this.state = 'chunk-data';
        }
        this.chunkSize = -1;
        this.trailerLine = 0;
        this.inExtension = false;
        return at;
      }
      if (this.inExtension || byte === CR) continue;
      const digit =
        byte >= 48 && byte <= 57
          ? byte - 48
          : (byte | 0x20) >= 97 && (byte | 0x20) <= 102
            ? (byte | 0x20) - 87
            : -1;
      if (digit >= 0) {
        this.chunkSize = (this.chunkSize < 0 ? 0 : this.chunkSize) * 16 + digit;
        if (this.chunkSize > Number.MAX_SAFE_INTEGER / 16) return 'a chunk size too large';
      } else if (byte === 59 /* ; */ || byte === 32 || byte === 9) this.inExtension = this.chunkSize >= 0;
      else return 'an invalid chunk size';
    }
    return at;
  }

  private readTrailers(chunk: Buffer, at: number): number | string {
    while (at < chunk.length) {
      const byte = chunk[at++];
      if (byte === LF) {
        if (this.trailerLine === 0) {
          this.complete();
          return at;
        }
        this.trailerLine = 0;
      } else if (byte !== CR) this.trailerLine++;
    }
    return at;
  }
}
