// A SAML 2.0 identity provider for the tests, built on samlify (not written here):
// it serves its metadata, reads the SP's AuthnRequest (HTTP-Redirect, its
// signature checked by samlify when the metadata asks for signed requests),
// "logs in" the configured user at once and answers with a samlify-signed
// Response, as an auto-submitting HTML form (a browser follows it) or as JSON
// (?format=json, for tests that tamper with the response before posting it).
//
//   node idp.js --key KEY.pem --cert CERT.pem [--want-signed-requests]
//   prints "idp listening on http://127.0.0.1:PORT"
//   GET  /metadata                      the IdP's metadata (entityID = that URL)
//   GET  /sso?SAMLRequest=...           the login (HTTP-Redirect binding)
//   POST /control  {"email","name","sign","shift","audience","destination","recipient","issuer",
//                   "in_response_to","status","assertion_id","name_id"}   the next logins' user and variant
//   sign: "assertion" (default), "response" or "both" (samlify always signs something; an unsigned
//   response is made by the tests, from a signed one); shift: seconds added to every instant.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { URL } = require('url');

const modules = process.env.KLIV_NODE_MODULES || path.join(__dirname, 'node_modules');
const saml = require(path.join(modules, 'samlify'));

// Schema validation of the SP's AuthnRequest is not what the tests are about (the SP is
// under test, and the SP validates what it receives): the IdP side skips it.
saml.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

function arg(name, fallback) {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
}
const key = fs.readFileSync(arg('--key'), 'utf8');
const cert = fs.readFileSync(arg('--cert'), 'utf8');
const wantSigned = process.argv.includes('--want-signed-requests');

let control = { email: 'ann@acme.se', name: 'Ann Andersson', sign: 'assertion' };
const spCache = new Map();
let idp = null;
let base = '';

function makeIdp() {
    return saml.IdentityProvider({
        entityID: base + '/metadata',
        privateKey: key,
        signingCert: cert,
        wantAuthnRequestsSigned: wantSigned,
        nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
        singleSignOnService: [{ Binding: saml.Constants.namespace.binding.redirect, Location: base + '/sso' }],
    });
}

// The SP's metadata, read from its entity ID (our SP's entity ID is its metadata URL).
function fetchText(url) {
    return new Promise((resolve, reject) => {
        http.get(url, res => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', c => (body += c));
            res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error('HTTP ' + res.statusCode + ' for ' + url))));
        }).on('error', reject);
    });
}

async function spFor(entityId, sign) {
    let metadata = spCache.get(entityId);
    if (!metadata) {
        metadata = await fetchText(entityId);
        spCache.set(entityId, metadata);
    }
    // What samlify signs follows the SP's metadata (WantAssertionsSigned) and wantMessageSigned.
    const wantAssertion = sign === 'assertion' || sign === 'both';
    const md = metadata.replace(/WantAssertionsSigned="(true|false)"/, 'WantAssertionsSigned="' + wantAssertion + '"');
    return saml.ServiceProvider({ metadata: md, wantMessageSigned: sign === 'response' || sign === 'both' });
}

function escapeXml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributeStatement(c) {
    const attrs = [['email', c.email], ['displayName', c.name]].concat(c.extra_attributes || []);
    return '<saml:AttributeStatement>' + attrs.map(([n, v]) =>
        '<saml:Attribute Name="' + escapeXml(n) + '" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">' +
        '<saml:AttributeValue xsi:type="xs:string">' + escapeXml(v) + '</saml:AttributeValue></saml:Attribute>').join('') +
        '</saml:AttributeStatement>';
}

async function login(query) {
    const c = control;
    // The request's issuer (the SP) before samlify parses it with that SP's metadata.
    const inflated = saml.Utility.inflateString(decodeURIComponent(query.SAMLRequest));
    const issuer = (/<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(inflated) || [])[1];
    if (!issuer)
        throw new Error('no Issuer in the AuthnRequest');
    const sp = await spFor(issuer, c.sign || 'assertion');
    const octetString = query.Signature ? rawOctets(query) : undefined;
    const parsed = await idp.parseLoginRequest(sp, 'redirect', { query, octetString });
    const requestId = parsed.extract.request.id;
    const shift = (c.shift || 0) * 1000;
    const now = new Date(Date.now() + shift);
    const later = new Date(now.getTime() + 5 * 60 * 1000);
    // samlify's getAssertionConsumerService() answers only for a list of them; ours has one.
    const services = [].concat(sp.entityMeta.meta.assertionConsumerService || []);
    const acs = (services.find(s => s.binding === saml.Constants.namespace.binding.post) || {}).location;
    if (!acs)
        throw new Error('the SP metadata has no HTTP-POST AssertionConsumerService');
    const replace = template => {
        const values = {
            ID: '_' + require('crypto').randomUUID(),
            AssertionID: c.assertion_id || '_' + require('crypto').randomUUID(),
            Destination: c.destination || acs,
            Audience: c.audience || sp.entityMeta.getEntityID(),
            SubjectRecipient: c.recipient || acs,
            Issuer: c.issuer || idp.entityMeta.getEntityID(),
            IssueInstant: now.toISOString(),
            StatusCode: c.status || 'urn:oasis:names:tc:SAML:2.0:status:Success',
            ConditionsNotBefore: now.toISOString(),
            ConditionsNotOnOrAfter: later.toISOString(),
            SubjectConfirmationDataNotOnOrAfter: later.toISOString(),
            NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            NameID: c.name_id || c.email,
            InResponseTo: c.in_response_to || requestId,
        };
        // The statements are XML: in place before samlify fills (and escapes) the values.
        const statements = template
            .replace('{AuthnStatement}', '<saml:AuthnStatement AuthnInstant="' + now.toISOString() + '"><saml:AuthnContext>' +
                '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport' +
                '</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>')
            .replace('{AttributeStatement}', attributeStatement(c));
        return { id: values.ID, context: saml.SamlLib.replaceTagsByValue(statements, values) };
    };
    const res = await idp.createLoginResponse(sp, parsed, 'post', { email: c.email }, replace);
    return { acs, SAMLResponse: res.context, RelayState: query.RelayState || '' };
}

// The signed octets of an HTTP-Redirect message, as they came on the wire.
function rawOctets(query) {
    const parts = ['SAMLRequest=' + encodeURIComponent(query.SAMLRequest)];
    if (query.RelayState !== undefined)
        parts.push('RelayState=' + encodeURIComponent(query.RelayState));
    parts.push('SigAlg=' + encodeURIComponent(query.SigAlg));
    return parts.join('&');
}

function autoPostPage(r) {
    return '<!DOCTYPE html><html><body onload="document.forms[0].submit()">' +
        '<form method="post" action="' + escapeXml(r.acs) + '">' +
        '<input type="hidden" name="SAMLResponse" value="' + escapeXml(r.SAMLResponse) + '">' +
        '<input type="hidden" name="RelayState" value="' + escapeXml(r.RelayState) + '">' +
        '<noscript><button type="submit">Continue</button></noscript></form></body></html>';
}

const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, base);
    try {
        if (req.method === 'GET' && url.pathname === '/metadata') {
            res.writeHead(200, { 'Content-Type': 'application/samlmetadata+xml' });
            return res.end(idp.getMetadata());
        }
        if (req.method === 'POST' && url.pathname === '/control') {
            let body = '';
            for await (const chunk of req)
                body += chunk;
            control = Object.assign({ sign: 'assertion' }, JSON.parse(body));
            spCache.clear();
            res.writeHead(204);
            return res.end();
        }
        if (req.method === 'GET' && url.pathname === '/sso') {
            // The raw (still encoded) query values: the signature covers them as sent.
            const query = {};
            for (const part of url.search.replace(/^\?/, '').split('&')) {
                const [k, v = ''] = part.split('=');
                query[k] = decodeURIComponent(v.replace(/\+/g, '%20'));
            }
            const r = await login(query);
            if (url.searchParams.get('format') === 'json') {
                res.writeHead(200, { 'Content-Type': 'application/json' });
                return res.end(JSON.stringify(r));
            }
            res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
            return res.end(autoPostPage(r));
        }
        res.writeHead(404);
        res.end();
    } catch (e) {
        console.error('idp: ' + (e && e.stack || e));
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end('idp error: ' + (e && e.message || e));
    }
});

server.listen(Number(arg('--port', '0')), '127.0.0.1', () => {
    base = 'http://127.0.0.1:' + server.address().port;
    idp = makeIdp();
    console.log('idp listening on ' + base);
});
