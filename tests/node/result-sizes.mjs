#!/usr/bin/env node
// Measures what each tool's results cost a model: bytes of the whole result on the wire and estimated tokens
// (characters / 4 of the text blocks plus the structured content), for a typical call and the largest one, on the
// sandbox. Prints a Markdown table. Not a test: the budget tests assert the limits; this shows the numbers.
//
// Usage: node result-sizes.mjs <command> [args...]   e.g. node result-sizes.mjs sigma-mcp serve --sandbox
// Argument names follow the server's tools/list (workbook_id or workbook, limit or row_limit), so that the same
// script measures an older build too.

import process from 'node:process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const REVENUE_DASHBOARD_ID = '6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b';
const REVENUE_BY_REGION_ELEMENT_ID = 'vzRvRg02Lm';
const ORDER_LINES_ELEMENT_ID = 'tbOrdL03Np';
const SALES_DATA_MODEL_ID = '9c4a5f6e-7d8c-4b12-8e3d-4f5a6b7c8d9e';
const options = { timeout: 300_000 };

const [command, ...args] = process.argv.slice(2);
const client = new Client({ name: 'sigma-mcp-result-sizes', version: '1.0.0' }, { capabilities: {} });
await client.connect(new StdioClientTransport({ command, args, stderr: 'ignore' }), options);
const { tools } = await client.listTools(undefined, options);
const has = (tool, arg) => Object.hasOwn(tools.find(t => t.name === tool)?.inputSchema?.properties ?? {}, arg);
const pick = (tool, ...names) => names.find(n => has(tool, n)) ?? names[0];
const wb = tool => pick(tool, 'workbook_id', 'workbook');
const dm = pick('describe_data_model', 'data_model_id', 'data_model');
const rows = pick('export_data', 'limit', 'row_limit');

function cost(result) {
    const text = (result.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
    const structured = result.structuredContent ? JSON.stringify(result.structuredContent) : '';
    return { bytes: Buffer.byteLength(JSON.stringify(result)), tokens: Math.round((text.length + structured.length) / 4), error: result.isError === true };
}

async function call(name, a) {
    return client.callTool({ name, arguments: a }, undefined, options);
}

async function largest(name, candidates) {
    let best = null;
    for (const a of candidates) {
        const c = { ...cost(await call(name, a)), args: a };
        if (!c.error && (best === null || c.bytes > best.bytes)) {
            best = c;
        }
    }
    return best;
}

const lines = ['| tool | typical: bytes | typical: ~tokens | largest: bytes | largest: ~tokens | largest call |', '|---|---:|---:|---:|---:|---|'];
function row(name, typical, big) {
    lines.push(`| ${name} | ${typical.bytes} | ${typical.tokens} | ${big.bytes} | ${big.tokens} | ${JSON.stringify(big.args)} |`);
}

const refresh = cost(await call('refresh_cache', {}));
const heartbeat = cost(await call('heartbeat', {}));
row('heartbeat', heartbeat, { ...heartbeat, args: {} });

const search = cost(await call('search_documents', { query: 'revenue by region' }));
row('search_documents', search, { ...cost(await call('search_documents', { query: 'revenue sales dashboard report model', limit: 50 })), args: { limit: 50 } });

const all = (await call('search_documents', { query: 'revenue sales dashboard report model customer orders', limit: 50 })).structuredContent?.results ?? [];
const workbookIds = [...new Set(all.filter(r => r.type === 'workbook').map(r => r.id))];
const modelIds = [...new Set(all.filter(r => r.type === 'data-model').map(r => r.id))];
row('describe_workbook', cost(await call('describe_workbook', { [wb('describe_workbook')]: REVENUE_DASHBOARD_ID })),
    await largest('describe_workbook', workbookIds.map(id => ({ [wb('describe_workbook')]: id }))));
row('describe_data_model', cost(await call('describe_data_model', { [dm]: SALES_DATA_MODEL_ID })),
    await largest('describe_data_model', [SALES_DATA_MODEL_ID, ...modelIds].map(id => ({ [dm]: id }))));

const described = (await call('describe_workbook', { [wb('describe_workbook')]: REVENUE_DASHBOARD_ID })).structuredContent;
const elementIds = (described?.pages ?? []).flatMap(p => (p.elements ?? []).map(e => e.element_id));
for (const tool of ['get_element_sql', 'get_lineage']) {
    row(tool, cost(await call(tool, { [wb(tool)]: REVENUE_DASHBOARD_ID, element_id: REVENUE_BY_REGION_ELEMENT_ID })),
        await largest(tool, elementIds.map(id => ({ [wb(tool)]: REVENUE_DASHBOARD_ID, element_id: id }))));
}

const exportArgs = (format, n) => ({ [wb('export_data')]: REVENUE_DASHBOARD_ID, element_id: ORDER_LINES_ELEMENT_ID, format, [rows]: n });
row('export_data', cost(await call('export_data', exportArgs('csv', 100))),
    await largest('export_data', [exportArgs('json', 10_000), exportArgs('csv', 10_000)]));
row('refresh_cache', refresh, { ...cost(await call('refresh_cache', {})), args: {} });

const list = JSON.stringify({ tools });
lines.push('', `tools/list: ${Buffer.byteLength(list)} bytes, ~${Math.round(list.length / 4)} tokens`);
process.stdout.write(lines.join('\n') + '\n');
await client.close();
