#!/usr/bin/env node
// Drives `sigma-mcp connect URL` (a stdio relay to a remote serve --http) with the official TypeScript client, as
// Claude Desktop would, and checks what passes through the relay: tools/list, search_documents, export_data with
// progress notifications, a cancellation (then the relay still serves), and stdin closed while a call is in flight
// (the call is still answered, then the relay exits 0).
//
// Usage: node connect-client-check.mjs <command> [args...]
//   e.g. node connect-client-check.mjs dotnet path/to/sigma-mcp.dll connect http://127.0.0.1:5000/mcp
// The relay inherits this process's environment (SIGMA_MCP_CONNECT_TOKEN comes from the caller). The remote's
// Sigma answers slowly (the caller sets the sandbox's latency), so that a call can be cancelled or cut off in flight.
// Prints one JSON line on stdout: {"ok":..,"checks":[{name,ok,detail}..]}. Exits 0 only if every check passed.

import process from 'node:process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

// The sandbox's well-known content (src/Sigma.Sandbox/SandboxWellKnown.cs).
const REVENUE_DASHBOARD_ID = '6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b';
const REVENUE_BY_REGION_ELEMENT_ID = 'vzRvRg02Lm';
const requestOptions = { timeout: 60_000 };

const [command, ...args] = process.argv.slice(2);
if (!command) {
    process.stderr.write('usage: node connect-client-check.mjs <command> [args...]\n');
    process.exit(2);
}

const checks = [];
function check(name, ok, detail) {
    checks.push({ name, ok: Boolean(ok), detail: detail ?? null });
    return Boolean(ok);
}

function describeError(error) {
    return error && typeof error === 'object' ? `${error.name ?? 'Error'}${'code' in error ? ` (code ${error.code})` : ''}: ${error.message}` : String(error);
}

function textOf(result) {
    return (result?.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
}

async function connect(name) {
    const transport = new StdioClientTransport({
        command,
        args,
        env: Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined)),
        stderr: 'pipe',
    });
    transport.stderr?.on('data', chunk => process.stderr.write(chunk));
    const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
    await client.connect(transport);
    return { client, transport };
}

async function step(name, body) {
    try {
        await body();
    } catch (error) {
        check(name, false, describeError(error));
    }
}

const first = await connect('sigma-mcp-connect-check');
const { client } = first;

await step('tools/list through the relay', async () => {
    const { tools } = await client.listTools(undefined, requestOptions);
    const names = tools.map(t => t.name);
    check('tools/list through the relay', names.includes('search_documents') && names.includes('export_data'), JSON.stringify(names));
});

await step('search_documents through the relay', async () => {
    const result = await client.callTool({ name: 'search_documents', arguments: { query: 'revenue' } }, undefined, requestOptions);
    const found = JSON.stringify(result.structuredContent ?? {}).includes(REVENUE_DASHBOARD_ID);
    check('search_documents through the relay', !result.isError && found, textOf(result).slice(0, 500));
});

await step('export_data with progress through the relay', async () => {
    const progress = [];
    const result = await client.callTool(
        { name: 'export_data', arguments: { workbook_id: REVENUE_DASHBOARD_ID, element_id: REVENUE_BY_REGION_ELEMENT_ID, limit: 5 } },
        undefined,
        { ...requestOptions, onprogress: p => progress.push(p) });
    check('export_data answered through the relay', !result.isError && result.structuredContent?.row_count > 0, textOf(result).slice(0, 500));
    check('export_data progress notifications reached the client', progress.length >= 1, JSON.stringify(progress));
});

await step('a cancelled call is abandoned and the relay still serves', async () => {
    const controller = new AbortController();
    const call = client.callTool({ name: 'heartbeat', arguments: {} }, undefined, { ...requestOptions, signal: controller.signal });
    setTimeout(() => controller.abort('the user pressed stop'), 300);
    let cancelled = false;
    try {
        await call;
    } catch (error) {
        cancelled = true;
        check('the cancelled call rejects on the client', true, describeError(error));
    }
    if (!cancelled) {
        check('the cancelled call rejects on the client', false, 'the call completed instead');
    }
    const { tools } = await client.listTools(undefined, requestOptions);
    check('the relay answers after a cancellation', tools.length > 0, `${tools.length} tools`);
});

await step('stdin closed mid-call: answered, then the relay exits 0', async () => {
    const child = first.transport._process;
    const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
    const call = client.callTool({ name: 'heartbeat', arguments: {} }, undefined, requestOptions);
    // Let the request reach the relay, then close its input as a client that quits would.
    await new Promise(resolve => setTimeout(resolve, 300));
    child.stdin.end();
    const result = await call;
    check('the call in flight at EOF is answered', !result.isError && result.structuredContent?.status === 'healthy', textOf(result).slice(0, 500));
    const code = await exited;
    check('the relay exits 0 after the drain', code === 0, `exit code ${code}`);
});

const ok = checks.length > 0 && checks.every(c => c.ok);
process.stdout.write(JSON.stringify({ ok, checks }) + '\n');
process.exit(ok ? 0 : 1);
