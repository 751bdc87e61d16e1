import compression from 'compression';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressWholeJsonAnswers } from './whole-answer-compression';

const json = JSON.stringify({ data: { text: 'Une charte de la filière. '.repeat(400) } }); // ≈ 10 KB

/** GET `path` with `Accept-Encoding: acceptEncoding`; the raw bytes and headers. */
function get(port: number, path: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request({ port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compressWholeJsonAnswers', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.use(compression());
    app.use(compressWholeJsonAnswers);
    app.get('/json', (_req, res) => void res.type('application/json').send(json));
    app.get('/no-transform', (_req, res) => {
      res.set('cache-control', 'no-transform');
      res.type('application/json').send(json);
    });
    app.get('/small', (_req, res) => void res.json({ ok: true }));
    app.get('/streamed', (_req, res) => {
      res.type('application/json');
      res.write(json.slice(0, 5000));
      res.end(json.slice(5000));
    });
    app.get('/csv', (_req, res) => void res.type('text/csv').send('a;b\n'.repeat(2000)));
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve())));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends a whole JSON answer as brotli with its length when the client takes brotli, as browsers list it', async () => {
    const { headers, body } = await get(port, '/json', 'gzip, deflate, br, zstd');
    expect(headers['content-encoding']).toBe('br');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(headers['transfer-encoding']).toBeUndefined();
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(body).toString()).toBe(json);
    expect(body.length).toBeLessThan(json.length / 4);
  });

  it('uses gzip for a client without brotli, and sends identity when asked', async () => {
    const gzip = await get(port, '/json', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(json);
    const preferred = await get(port, '/json', 'gzip;q=1, br;q=0.1');
    expect(preferred.headers['content-encoding']).toBe('gzip');
    const plain = await get(port, '/json', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(json);
  });

  it('sends the bytes as they are under Cache-Control: no-transform', async () => {
    const { headers, body } = await get(port, '/no-transform', 'br');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString()).toBe(json);
  });

  it('leaves small answers alone and streamed or non-JSON answers to the streaming middleware', async () => {
    const small = await get(port, '/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('{"ok":true}');
    const streamed = await get(port, '/streamed', 'br');
    expect(streamed.headers['transfer-encoding']).toBe('chunked');
    expect(brotliDecompressSync(streamed.body).toString()).toBe(json);
    const csv = await get(port, '/csv', 'br');
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    expect(brotliDecompressSync(csv.body).toString()).toBe('a;b\n'.repeat(2000));
  });
});
