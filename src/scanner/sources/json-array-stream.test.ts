import { describe, expect, it } from 'vitest';
import { jsonArrayElements, type JsonArrayItem, type JsonArrayOptions } from './json-array-stream.js';

const containing = (text: string) => expect.stringContaining(text) as string;

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function split(
  text: string,
  chunkSize = 1 << 20,
  options: JsonArrayOptions = {},
): Promise<JsonArrayItem[]> {
  const items: JsonArrayItem[] = [];
  for await (const item of jsonArrayElements(chunked(new TextEncoder().encode(text), chunkSize), options)) {
    items.push(item);
  }
  return items;
}

const values = (items: JsonArrayItem[]) =>
  items.flatMap((item) => (item.kind === 'element' ? [item.value] : []));

describe('jsonArrayElements', () => {
  const elements = [
    { a: 'x,y]}', b: [1, { c: '\\"[' }] },
    'snow ☃ and 𝄞',
    42,
    null,
    [],
    { nested: { deeper: ['"', '\\', ','] } },
  ];
  const document = `\ufeff  ${JSON.stringify(elements, null, 2)}\n`;

  it('yields every element, whatever the chunk boundaries, even one byte at a time', async () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const items = await split(document, size);
      expect(items.every((item) => item.kind === 'element')).toBe(true);
      expect(values(items)).toEqual(elements);
      expect(items.map((item) => (item.kind === 'element' ? item.index : -1))).toEqual(
        elements.map((_, i) => i),
      );
    }
  });

  it('reports a malformed element by index and goes on with the next', async () => {
    const items = await split('[{"ok":1}, {"bad": tru}, {"ok":3},, {"ok":5}]', 1);
    expect(values(items)).toEqual([{ ok: 1 }, { ok: 3 }, { ok: 5 }]);
    const bad = items.filter((item) => item.kind === 'bad-element');
    expect(bad.map((item) => (item.kind === 'bad-element' ? item.index : -1))).toEqual([1, 3]);
    expect(bad[0]).toMatchObject({ reason: containing('not valid JSON') });
    expect(bad[1]).toMatchObject({ reason: containing('empty element') });
  });

  it('accepts an empty array and refuses a document that is not an array', async () => {
    expect(await split(' [ ] ')).toEqual([]);
    expect(await split('{"bomFormat":"CycloneDX"}')).toEqual([
      { kind: 'bad-document', reason: containing('not a JSON array') },
    ]);
    expect(await split('')).toEqual([{ kind: 'bad-document', reason: containing('empty') }]);
  });

  it('reports a cut-off array and text after the closing bracket', async () => {
    const cut = await split('[{"a":1},{"b":');
    expect(values(cut)).toEqual([{ a: 1 }]);
    expect(cut.slice(1).map((item) => item.kind)).toEqual(['bad-element', 'bad-document']);
    const trailing = await split('[1,2] [3]');
    expect(values(trailing)).toEqual([1, 2]);
    expect(trailing[2]).toMatchObject({
      kind: 'bad-document',
      reason: containing('after the closing'),
    });
  });

  it('bounds the size and depth of one element without losing the others', async () => {
    const big = 'x'.repeat(2000);
    const items = await split(`[{"small":1},"${big}",{"small":2}]`, 100, { maxElementBytes: 1000 });
    expect(values(items)).toEqual([{ small: 1 }, { small: 2 }]);
    expect(items[1]).toEqual({ kind: 'bad-element', index: 1, reason: 'element is larger than 1000 bytes' });

    const deep = `${'['.repeat(10)}${']'.repeat(10)}`;
    const nested = await split(`[${deep},[[1]]]`, 3, { maxDepth: 5 });
    expect(nested[0]).toMatchObject({
      kind: 'bad-element',
      index: 0,
      reason: containing('5 levels'),
    });
    expect(nested[1]).toEqual({ kind: 'element', index: 1, value: [[1]] });
  });

  it('refuses an element that is not valid UTF-8', async () => {
    const bytes = new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x2c, 0x31, 0x5d]);
    const items: JsonArrayItem[] = [];
    for await (const item of jsonArrayElements(chunked(bytes, 1))) items.push(item);
    expect(items).toEqual([
      { kind: 'bad-element', index: 0, reason: 'element is not valid UTF-8' },
      { kind: 'element', index: 1, value: 1 },
    ]);
  });
});
