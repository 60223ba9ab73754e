/**
 * Finds PEM blocks in text that arrives in chunks of any size. Only the current block's body
 * and a few hundred characters of carry-over are held, so a bundle of 100,000 certificates
 * streams through in bounded memory. Text outside blocks (OpenSSL's "Bag Attributes", comments)
 * is dropped as it is passed.
 */

export type PemItem =
  { kind: 'block'; label: string; body: string } | { kind: 'bad'; label: string; reason: string };

const BEGIN = '-----BEGIN ';
const DASHES = '-----';
/** Longest marker line we wait for; anything longer is not a PEM marker. */
const MAX_MARKER = 200;
const LABEL = /^[\x21-\x7e](?:[\x20-\x7e]{0,78}[\x21-\x7e])?$/;

export class PemSplitter {
  private text = '';
  private label: string | undefined;
  private pieces: string[] = [];
  private size = 0;
  private oversize = false;
  /** How many BEGIN markers were seen: a text file without any is not a certificate file. */
  blocksSeen = 0;

  constructor(private readonly maxBlockChars: number) {}

  push(chunk: string): PemItem[] {
    const items: PemItem[] = [];
    const text = this.text + chunk;
    let pos = 0;
    for (;;) {
      if (this.label === undefined) {
        const begin = text.indexOf(BEGIN, pos);
        if (begin < 0) {
          // Keep what could be the start of a marker split by the chunk boundary.
          this.text = text.slice(Math.max(pos, text.length - BEGIN.length + 1));
          break;
        }
        const close = text.indexOf(DASHES, begin + BEGIN.length);
        if (close < 0 || close - begin > MAX_MARKER) {
          if (close < 0 && text.length - begin <= MAX_MARKER) {
            this.text = text.slice(begin);
            break;
          }
          pos = begin + BEGIN.length;
          continue;
        }
        const label = text.slice(begin + BEGIN.length, close);
        pos = close + DASHES.length;
        if (!LABEL.test(label)) continue;
        this.open(label);
      } else {
        const dash = text.indexOf(DASHES, pos);
        if (dash < 0) {
          // The body goes on; hold back a few characters that may start a marker.
          const keep = Math.max(pos, text.length - DASHES.length + 1);
          this.add(text.slice(pos, keep));
          this.text = text.slice(keep);
          break;
        }
        if (text.length < dash + BEGIN.length) {
          this.add(text.slice(pos, dash));
          this.text = text.slice(dash);
          break;
        }
        if (text.startsWith('END ', dash + DASHES.length)) {
          const close = text.indexOf(DASHES, dash + 9);
          if (close < 0 && text.length - dash <= MAX_MARKER) {
            this.add(text.slice(pos, dash));
            this.text = text.slice(dash);
            break;
          }
          this.add(text.slice(pos, dash));
          if (close < 0 || close - dash > MAX_MARKER) {
            items.push(this.fail(`the END line of the PEM block "${this.label}" is damaged`));
            pos = dash + 9;
            continue;
          }
          const endLabel = text.slice(dash + 9, close);
          items.push(this.close(endLabel));
          pos = close + DASHES.length;
        } else if (text.startsWith(BEGIN, dash)) {
          this.add(text.slice(pos, dash));
          items.push(this.fail(`truncated: the PEM block "${this.label}" has no END line`));
          pos = dash;
        } else {
          this.add(text.slice(pos, dash + DASHES.length));
          pos = dash + DASHES.length;
        }
      }
    }
    return items;
  }

  /** Call once after the last chunk. */
  end(): PemItem[] {
    const items = this.push('');
    if (this.label !== undefined) {
      this.add(this.text);
      items.push(this.fail(`truncated: the PEM block "${this.label}" has no END line`));
    } else {
      // A file cut inside a BEGIN line leaves the start of a marker as its last line.
      const tail = this.text.slice(this.text.lastIndexOf('\n') + 1).trim();
      if (tail.length > 0 && (BEGIN.startsWith(tail) || tail.startsWith(BEGIN.trim()))) {
        items.push({ kind: 'bad', label: '', reason: 'truncated: the file ends inside a PEM BEGIN line' });
      }
    }
    this.text = '';
    return items;
  }

  private open(label: string): void {
    this.label = label;
    this.pieces = [];
    this.size = 0;
    this.oversize = false;
    this.blocksSeen += 1;
  }

  private add(piece: string): void {
    if (this.oversize || piece.length === 0) return;
    this.size += piece.length;
    if (this.size > this.maxBlockChars) {
      this.oversize = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(piece);
  }

  private close(endLabel: string): PemItem {
    const label = this.label ?? '';
    if (endLabel !== label) return this.fail(`the PEM block "${label}" ends with END "${endLabel}"`);
    if (this.oversize) return this.fail(`the PEM block "${label}" is over ${this.maxBlockChars} characters`);
    const body = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.reset();
    return { kind: 'block', label, body };
  }

  private fail(reason: string): PemItem {
    const label = this.label ?? '';
    this.reset();
    return { kind: 'bad', label, reason };
  }

  private reset(): void {
    this.label = undefined;
    this.pieces = [];
    this.size = 0;
    this.oversize = false;
  }
}
