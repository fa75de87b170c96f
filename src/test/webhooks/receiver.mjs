// A webhook receiver for the tests and the benchmark of webhook deliveries: an independent check of what the service
// sends, verified by the Standard Webhooks reference library (npm standardwebhooks, pinned in
// src/test/browser/package.json), never by HMAC code of ours.
//
// Run from a directory whose node_modules holds standardwebhooks (WebhookReceiver copies it to target/browser-tests):
//
//   node webhook-receiver.mjs --log deliveries.jsonl [--port 0] [--ports 1] [--config '{"/hook": {"secrets": [...]}}']
//
// It listens on 127.0.0.1 and prints {"port": N, "ports": [N, ...]} as the first line of its standard output once
// listening: --port (0 for a free one), and with --ports K, K - 1 more free ports that serve the same paths (a
// sender limits its connections per host and port, so that many subscriptions look like several receivers). Each path
// it serves has its current secrets and a behaviour:
//
//   {"secrets": {"new": "whsec_...", "old": "whsec_..."} (or a list, labelled by index), "behaviour": "ok",
//    "keepRaw": false (true: the log keeps each delivery's body and webhook-signature header too, to replay them)}
//
//   ok             answers 204
//   slow:<ms>      answers 204 after <ms> milliseconds
//   fail503:<s>    answers 503 (Retry-After: 1) for <s> seconds from the first delivery to the path, then 204
//   gone           answers 410 (the subscription has ended)
//
// A delivery is accepted when Webhook#verify passes with at least one of the path's secrets; it is rejected with 400
// when none verifies it (a bad signature, a tampered body, a timestamp out of tolerance or missing headers). Every
// delivery to a configured path, accepted or not, is appended to the log as one JSON line:
//
//   {"path", "webhookId", "webhookTimestamp", "type", "position", "slug", "kind", "version", "changedAt",
//    "eventTimestamp", "hasCaseStudy", "receivedAt" (ms), "status" (what we answered), "verified",
//    "verifiedBy" (the labels of the secrets that verify it), "error", "signatures" (how many the header carried),
//    and with keepRaw "body" and "signatureHeader"}
//
// so that a delivery counts as delivered when verified is true and status is 2xx. Requests to a path not configured
// are answered 404 and logged with "verified": false.
//
// Control, on the same port (and the same JSON, one command a line, on standard input):
//   PUT  /_control/paths/<path>   body: the path's configuration (replaces it; the fail503 clock starts again)
//   DELETE /_control/paths/<path>
//   GET  /_control/stats          {"<path>": {"accepted", "rejected", "refused" (non-2xx answers to verified ones)}}
//   stdin: {"path": "/hook", "secrets": ..., "behaviour": ...}   or   {"remove": "/hook"}
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';

import { Webhook } from 'standardwebhooks';

function parseArgs(argv) {
  const options = { port: 0, ports: 1, log: null, config: '{}' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= argv.length) {
      throw new Error(`unknown or incomplete option ${argv[i]}; usage: --log FILE [--port N] [--ports K] [--config JSON]`);
    }
    options[name] = argv[i + 1];
  }
  if (!options.log) {
    throw new Error('--log FILE is required');
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const paths = new Map();
const stats = new Map();

function configure(path, config) {
  if (!path.startsWith('/') || path.startsWith('/_control')) {
    throw new Error(`not a path to serve: ${path}`);
  }
  const entries = Array.isArray(config.secrets)
    ? config.secrets.map((secret, index) => [String(index), secret])
    : Object.entries(config.secrets ?? {});
  if (entries.length === 0) {
    throw new Error(`${path}: at least one secret is needed`);
  }
  const behaviour = config.behaviour ?? 'ok';
  if (!/^(ok|gone|slow:\d+|fail503:\d+(\.\d+)?)$/.test(behaviour)) {
    throw new Error(`${path}: unknown behaviour ${behaviour}`);
  }
  paths.set(path, {
    verifiers: entries.map(([label, secret]) => [label, new Webhook(secret)]),
    behaviour,
    keepRaw: config.keepRaw === true,
    firstDeliveryAt: null,
  });
  if (!stats.has(path)) {
    stats.set(path, { accepted: 0, rejected: 0, refused: 0 });
  }
}

function command(json) {
  if (json.remove) {
    paths.delete(json.remove);
  } else {
    configure(json.path, json);
  }
}

for (const [path, config] of Object.entries(JSON.parse(options.config))) {
  configure(path, config);
}

function record(line) {
  appendFileSync(options.log, `${JSON.stringify(line)}\n`);
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

async function control(request, response, url) {
  const body = await readBody(request);
  if (request.method === 'GET' && url.pathname === '/_control/stats') {
    return answer(response, 200, Object.fromEntries(stats));
  }
  const path = decodeURIComponent(url.pathname.substring('/_control/paths'.length));
  if (url.pathname.startsWith('/_control/paths/') && request.method === 'PUT') {
    try {
      configure(path, JSON.parse(body.toString('utf8')));
    } catch (e) {
      return answer(response, 400, { error: e.message });
    }
    return answer(response, 204);
  }
  if (url.pathname.startsWith('/_control/paths/') && request.method === 'DELETE') {
    paths.delete(path);
    return answer(response, 204);
  }
  return answer(response, 404, { error: 'no such control' });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliver(request, response, url) {
  const body = await readBody(request);
  const receivedAt = Date.now();
  const headers = {
    'webhook-id': request.headers['webhook-id'],
    'webhook-timestamp': request.headers['webhook-timestamp'],
    'webhook-signature': request.headers['webhook-signature'],
  };
  const line = {
    path: url.pathname,
    webhookId: headers['webhook-id'] ?? null,
    webhookTimestamp: headers['webhook-timestamp'] ?? null,
    signatures: headers['webhook-signature'] ? headers['webhook-signature'].split(' ').length : 0,
    receivedAt,
  };
  const config = paths.get(url.pathname);
  if (request.method !== 'POST' || !config) {
    record({ ...line, status: 404, verified: false, error: `${request.method} to a path not configured` });
    return answer(response, 404, { error: 'not a configured path' });
  }
  const pathStats = stats.get(url.pathname);
  if (config.keepRaw) {
    Object.assign(line, { body: body.toString('utf8'), signatureHeader: headers['webhook-signature'] ?? null });
  }
  const verifiedBy = [];
  let payload = null;
  let error = null;
  for (const [label, verifier] of config.verifiers) {
    try {
      payload = verifier.verify(body, headers);
      verifiedBy.push(label);
    } catch (e) {
      error = `${e.name}: ${e.message}`;
    }
  }
  if (verifiedBy.length === 0) {
    pathStats.rejected++;
    record({ ...line, status: 400, verified: false, verifiedBy, error });
    return answer(response, 400, { error });
  }
  const data = payload?.data ?? {};
  Object.assign(line, {
    type: payload?.type ?? null,
    eventTimestamp: payload?.timestamp ?? null,
    position: data.position ?? null,
    slug: data.slug ?? null,
    kind: data.kind ?? null,
    version: data.version ?? null,
    changedAt: data.changedAt ?? null,
    hasCaseStudy: data.caseStudy !== undefined && data.caseStudy !== null,
    verified: true,
    verifiedBy,
  });
  const [behaviour, argument] = config.behaviour.split(':');
  if (config.firstDeliveryAt === null) {
    config.firstDeliveryAt = receivedAt;
  }
  let status = 204;
  const extra = {};
  if (behaviour === 'gone') {
    status = 410;
  } else if (behaviour === 'fail503' && receivedAt - config.firstDeliveryAt < Number(argument) * 1000) {
    status = 503;
    extra['retry-after'] = '1';
  } else if (behaviour === 'slow') {
    await sleep(Number(argument));
  }
  if (status < 300) {
    pathStats.accepted++;
  } else {
    pathStats.refused++;
  }
  record({ ...line, status });
  return answer(response, status, undefined, extra);
}

function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  const handler = url.pathname.startsWith('/_control/') ? control : deliver;
  handler(request, response, url).catch((e) => {
    console.error(e);
    if (!response.headersSent) {
      answer(response, 500, { error: e.message });
    }
  });
}

function listen(port) {
  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const servers = [await listen(Number(options.port))];
while (servers.length < Number(options.ports)) {
  servers.push(await listen(0));
}
const ports = servers.map((server) => server.address().port);
console.log(JSON.stringify({ port: ports[0], ports }));

createInterface({ input: process.stdin }).on('line', (text) => {
  if (text.trim() === '') {
    return;
  }
  try {
    command(JSON.parse(text));
    console.log(JSON.stringify({ ok: true }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: e.message }));
  }
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
    process.exit(0);
  });
}
