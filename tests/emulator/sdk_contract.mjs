// Contract test: the official Stripe Node SDK against the real stripe-emulator.
//   node sdk_contract.mjs <path to stripe-emulator> <plans.json>
// Needs KLIV_NODE_MODULES (./dev test installs tests/e2e/package.json into build/node).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const modules = process.env.KLIV_NODE_MODULES ||
  (process.env.KLIV_BUILD_DIR && path.join(process.env.KLIV_BUILD_DIR, 'node', 'node_modules'));
if (!modules || !fs.existsSync(path.join(modules, 'stripe', 'package.json'))) {
  console.error('FAIL: the official Stripe Node SDK is missing. Set KLIV_NODE_MODULES to a node_modules ' +
                'holding npm "stripe" (./dev test installs tests/e2e/package.json into build/node).');
  process.exit(1);
}
const Stripe = createRequire(path.join(modules, 'index.js'))('stripe');
const [binary, plans] = process.argv.slice(2);
if (!binary || !fs.existsSync(binary)) {
  console.error(`FAIL: stripe-emulator binary not found: ${binary}`);
  process.exit(1);
}

// Polls `condition` until it holds or `ms` pass (the caller's assertions then say what is missing).
async function waitUntil(condition, ms) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
}

const watchdog = setTimeout(() => { console.error('FAIL: timed out'); process.exit(1); }, 90_000);
const secret = 'whsec_contract_' + Math.random().toString(36).slice(2);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stripe-emulator-sdk-'));
const verifier = new Stripe('sk_test_verifier');
const received = [];
const rejected = [];

// The webhook endpoint: every delivery must verify with the SDK's own checker.
const receiver = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    try {
      const event = verifier.webhooks.constructEvent(raw, req.headers['stripe-signature'], secret);
      assert.throws(() => verifier.webhooks.constructEvent(Buffer.concat([raw, Buffer.from(' ')]),
                                                           req.headers['stripe-signature'], secret));
      received.push(event);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    } catch (e) {
      rejected.push(String(e.message));
      res.writeHead(400);
      res.end();
    }
  });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const hookUrl = `http://127.0.0.1:${receiver.address().port}/webhooks/stripe`;

const args = ['--port', '0', '--data', dataDir, '--webhook-url', hookUrl, '--webhook-secret', secret];
if (plans) args.push('--plans', plans);
const emulator = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/stripe-emulator listening on (http:\/\/127\.0\.0\.1:(\d+))/);
    if (m) resolve(m[1]);
  });
  emulator.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});
const port = Number(new URL(base).port);
const stripe = new Stripe('sk_test_contract', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });

let failed = false;
try {
  const customer = await stripe.customers.create({ email: 'anna@example.se', metadata: { workspace_id: 'ws_1' } });
  assert.match(customer.id, /^cus_/);
  assert.equal(customer.metadata.workspace_id, 'ws_1');

  const prices = await stripe.prices.list({ lookup_keys: ['pro-200'] });
  assert.equal(prices.object, 'list');
  assert.equal(prices.data.length, 1);
  assert.equal(prices.data[0].id, 'price_pro_200');
  assert.equal(prices.data[0].unit_amount, 50000);
  assert.equal(prices.data[0].currency, 'sek');

  const session = await stripe.checkout.sessions.create({
    mode: 'subscription', customer: customer.id, client_reference_id: 'ws_1',
    line_items: [{ price: 'price_pro_200', quantity: 1 }],
    success_url: 'http://127.0.0.1:9/kliv/checkout/done?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:9/kliv/checkout/cancel',
    metadata: { workspace_id: 'ws_1' }, subscription_data: { metadata: { workspace_id: 'ws_1' } },
  });
  assert.match(session.id, /^cs_test_/);
  assert.equal(session.status, 'open');
  const collecting = await stripe.checkout.sessions.create({
    mode: 'subscription', customer: customer.id, line_items: [{ price: 'price_pro_100', quantity: 1 }],
    success_url: 'http://127.0.0.1:9/kliv/checkout/done', billing_address_collection: 'required',
    tax_id_collection: { enabled: true }, customer_update: { address: 'auto', name: 'auto' },
  });
  assert.equal(collecting.billing_address_collection, 'required');
  assert.equal(collecting.tax_id_collection.enabled, true);
  await stripe.checkout.sessions.expire(collecting.id);
  assert.ok(session.url.startsWith(base + '/'), session.url);

  // Pay through the hosted page, as the browser would.
  const page = await fetch(session.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Betala/);
  const paid = await fetch(session.url, { method: 'POST', redirect: 'manual',
                                          body: new URLSearchParams({ cardnumber: '4242 4242 4242 4242' }) });
  assert.equal(paid.status, 303);
  assert.equal(paid.headers.get('location'), `http://127.0.0.1:9/kliv/checkout/done?session_id=${session.id}`);

  const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
  assert.equal(done.status, 'complete');
  assert.equal(done.payment_status, 'paid');
  assert.equal(done.url, null);
  assert.match(done.subscription.id, /^sub_/);

  const sub = await stripe.subscriptions.retrieve(done.subscription.id, { expand: ['latest_invoice'] });
  assert.equal(sub.status, 'active');
  assert.equal(sub.metadata.workspace_id, 'ws_1');
  const item = sub.items.data[0];
  assert.match(item.id, /^si_/);
  assert.equal(item.price.id, 'price_pro_200');
  assert.equal(item.current_period_end > item.current_period_start, true);
  assert.equal(sub.latest_invoice.status, 'paid');
  assert.equal(sub.latest_invoice.billing_reason, 'subscription_create');
  assert.equal(sub.latest_invoice.parent.subscription_details.subscription, sub.id);

  const listed = await stripe.subscriptions.list({ customer: customer.id });
  assert.deepEqual(listed.data.map((s) => s.id), [sub.id]);

  const preview = await stripe.invoices.createPreview({
    customer: customer.id, subscription: sub.id,
    subscription_details: { items: [{ id: item.id, price: 'price_pro_400' }], proration_behavior: 'always_invoice' },
  });
  assert.equal(preview.object, 'invoice');
  assert.ok(preview.amount_due > 0 && preview.amount_due <= 50000, String(preview.amount_due));

  const upgraded = await stripe.subscriptions.update(sub.id, {
    items: [{ id: item.id, price: 'price_pro_400' }], proration_behavior: 'always_invoice',
  });
  assert.equal(upgraded.items.data[0].price.id, 'price_pro_400');
  const proration = await stripe.invoices.retrieve(upgraded.latest_invoice);
  assert.equal(proration.billing_reason, 'subscription_update');
  assert.equal(proration.status, 'paid');
  assert.equal(proration.amount_paid, preview.amount_due);
  assert.ok(proration.hosted_invoice_url.startsWith(base + '/i/'));

  const invoices = await stripe.invoices.list({ customer: customer.id, limit: 1 });
  assert.equal(invoices.data.length, 1);
  assert.equal(invoices.has_more, true);
  const all = [];
  for await (const inv of stripe.invoices.list({ customer: customer.id, limit: 1 })) all.push(inv.id);
  assert.equal(all.length, 2);

  const canceling = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
  assert.equal(canceling.cancel_at_period_end, true);

  const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://127.0.0.1:9/kliv/back' });
  assert.match(portal.id, /^bps_/);
  const portalPage = await fetch(portal.url);
  assert.equal(portalPage.status, 200);
  assert.match(await portalPage.text(), /http:\/\/127\.0\.0\.1:9\/kliv\/back/);

  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: 1796083200 });
  assert.match(clock.id, /^clock_/);
  const advanced = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: 1796083200 + 86400 });
  assert.equal(advanced.frozen_time, 1796083200 + 86400);

  await assert.rejects(stripe.customers.retrieve('cus_missing'), (e) =>
    e instanceof Stripe.errors.StripeInvalidRequestError && e.statusCode === 404 && e.code === 'resource_missing');
  await assert.rejects(stripe.checkout.sessions.create({ mode: 'subscription', success_url: 'http://127.0.0.1:9/' }),
    (e) => e.statusCode === 400 && e.param === 'line_items');

  const a = await stripe.customers.create({ email: 'same@example.se' }, { idempotencyKey: 'contract-key-1' });
  const b = await stripe.customers.create({ email: 'same@example.se' }, { idempotencyKey: 'contract-key-1' });
  assert.equal(a.id, b.id);
  await assert.rejects(stripe.customers.create({ email: 'other@example.se' }, { idempotencyKey: 'contract-key-1' }),
    (e) => e instanceof Stripe.errors.StripeIdempotencyError);

  // Webhooks arrive asynchronously, one after another: wait for everything
  // this run caused (both invoices' invoice.paid included), not just one of each type.
  const wanted = ['checkout.session.completed', 'customer.subscription.created', 'customer.subscription.updated',
                  'invoice.created', 'invoice.paid'];
  const paidReasons = () => received.filter((e) => e.type === 'invoice.paid').map((e) => e.data.object.billing_reason).sort();
  await waitUntil(() => rejected.length > 0
                    || (wanted.every((t) => received.some((e) => e.type === t)) && paidReasons().length >= 2),
                  20_000);
  assert.deepEqual(rejected, []);
  for (const t of wanted) assert.ok(received.some((e) => e.type === t), `no verified ${t} webhook`);
  const completed = received.find((e) => e.type === 'checkout.session.completed');
  assert.equal(completed.api_version, '2026-10-28.endive');
  assert.equal(completed.data.object.id, session.id);
  assert.equal(completed.data.object.client_reference_id, 'ws_1');
  assert.deepEqual(paidReasons(), ['subscription_create', 'subscription_update']);

  const events = await stripe.events.list({ type: 'invoice.paid' });
  assert.equal(events.data.length, 2);

  // Invoiced Enterprise: a created price, a send_invoice subscription, paid out of band.
  const contract = await stripe.prices.create({ currency: 'sek', unit_amount: 12000000, recurring: { interval: 'year' },
                                                product_data: { name: 'Kliv Enterprise – Acme' } });
  assert.match(contract.id, /^price_/);
  const moms = await stripe.taxRates.create({ display_name: 'Moms', percentage: 25, inclusive: true, country: 'SE' });
  assert.match(moms.id, /^txr_/);
  assert.equal(moms.inclusive, true);
  const invoiced = await stripe.subscriptions.create({
    customer: customer.id, items: [{ price: contract.id }], collection_method: 'send_invoice', days_until_due: 30,
    default_tax_rates: [moms.id], metadata: { workspace_id: 'ws_1' }, expand: ['latest_invoice'],
  });
  assert.equal(invoiced.status, 'active');
  assert.equal(invoiced.collection_method, 'send_invoice');
  const sent = invoiced.latest_invoice;
  assert.equal(sent.status, 'open');
  assert.equal(sent.amount_due, 12000000);
  assert.equal(sent.due_date, sent.created + 30 * 86400);
  assert.equal(sent.total, 12000000);                    // the moms is inside the price
  assert.equal(sent.total_taxes[0].amount, 2400000);
  assert.equal(sent.total_taxes[0].tax_behavior, 'inclusive');
  assert.equal(sent.total_excluding_tax, 9600000);
  await assert.rejects(stripe.invoices.finalizeInvoice(sent.id), (e) => e.statusCode === 400);
  const settled = await stripe.invoices.pay(sent.id, { paid_out_of_band: true });
  assert.equal(settled.status, 'paid');
  await waitUntil(() => received.some((e) => e.type === 'invoice.paid' && e.data.object.id === sent.id), 20_000);
  assert.ok(received.some((e) => e.type === 'invoice.paid' && e.data.object.id === sent.id), 'no invoice.paid for the sent invoice');
  console.log(`PASS: ${received.length} webhooks verified with stripe.webhooks.constructEvent`);
} catch (e) {
  failed = true;
  console.error('FAIL:', e);
} finally {
  emulator.kill('SIGTERM');
  receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
