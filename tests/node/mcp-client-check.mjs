#!/usr/bin/env node
// Drives an MCP server over stdio with the official TypeScript client, as Claude Desktop and VS Code do, and checks
// what those clients rely on. Unlike the C# client, this one validates every tool result's structuredContent against
// the tool's outputSchema and throws on a mismatch: that validation is the point of this script.
//
// After the protocol checks it fills the cache (refresh_cache) and calls every Sigma tool with good arguments on
// the sandbox's well-known content (serve --sandbox; ids from src/Sigma.Sandbox/SandboxWellKnown.cs, the same for
// every seed), and reads a workbook resource: each call must pass the client's schema validation. Then the tools
// contract: each wrong-argument kind (missing, empty, unknown, wrong type, out of range), unknown ids, a data model
// passed to the workbook tools, and a name passed as an id each give a tool error naming the argument or the next call.
//
// Usage: node mcp-client-check.mjs <command> [args...]
//   e.g. node mcp-client-check.mjs dotnet path/to/sigma-mcp.dll serve --sandbox
// The server inherits this process's whole environment (the caller isolates it).
// Prints one JSON line on stdout: {"ok":..,"protocolVersion":..,"server":..,"tools":[..],"checks":[{name,ok,detail}..]}
// plus, on failure, "stderrTail" (the server's last stderr lines). Exits 0 only if every check passed.
// MCP_CHECK_TIMEOUT_MS (default 30000) bounds each request.

import process from 'node:process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];
// The sandbox's well-known content (src/Sigma.Sandbox/SandboxWellKnown.cs).
const REVENUE_DASHBOARD_ID = '6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b';
const REVENUE_BY_REGION_ELEMENT_ID = 'vzRvRg02Lm';
const ORDER_LINES_ELEMENT_ID = 'tbOrdL03Np';
const SALES_DATA_MODEL_ID = '9c4a5f6e-7d8c-4b12-8e3d-4f5a6b7c8d9e';
const STDERR_TAIL_LINES = 40;
const DETAIL_CHARS = 1000;
const STDERR_KEEP_CHARS = 256 * 1024;
const requestTimeoutMs = Number(process.env.MCP_CHECK_TIMEOUT_MS) > 0 ? Number(process.env.MCP_CHECK_TIMEOUT_MS) : 30_000;

const [command, ...args] = process.argv.slice(2);
if (!command) {
    process.stderr.write('usage: node mcp-client-check.mjs <command> [args...]   (the command that starts the MCP server on stdio)\n');
    process.exit(2);
}

const checks = [];
const summary = { ok: false, protocolVersion: null, server: null, tools: [], checks };

/** Records one check; `detail` says what was seen, so that a failure explains itself. */
function check(name, ok, detail) {
    checks.push({ name, ok: Boolean(ok), detail: detail ?? null });
    return Boolean(ok);
}

function describeError(error) {
    if (error && typeof error === 'object') {
        const code = 'code' in error ? ` (code ${error.code})` : '';
        const data = 'data' in error && error.data !== undefined ? ` data: ${JSON.stringify(error.data)}` : '';
        return `${error.name ?? 'Error'}${code}: ${error.message}${data}`;
    }
    return String(error);
}

/** The SDK's own client-side validation errors: the server answered, but with a result that breaks its contract. */
function isClientValidationError(error) {
    return /Structured content does not match|Failed to validate structured content|has an output schema but did not return structured content/
        .test(String(error?.message ?? ''));
}

/** A JSON-RPC error response from the server (not a timeout, a closed connection or a client-side rejection). */
function isServerErrorResponse(error) {
    return error instanceof McpError
        && error.code !== ErrorCode.ConnectionClosed
        && error.code !== ErrorCode.RequestTimeout
        && !isClientValidationError(error)
        && !transportClosed;
}

function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

let stderrText = '';
const transport = new StdioClientTransport({
    command,
    args,
    env: Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined)),
    stderr: 'pipe',
});
// Keep the server's stderr: forwarded to ours as it comes, and its tail in the summary on failure.
transport.stderr?.setEncoding('utf8');
transport.stderr?.on('data', chunk => {
    process.stderr.write(chunk);
    stderrText += chunk;
    if (stderrText.length > STDERR_KEEP_CHARS) {
        stderrText = stderrText.slice(-STDERR_KEEP_CHARS);
    }
});
// The client hands the negotiated version to transports that want it (HTTP ones); stdio does not, so catch it here.
transport.setProtocolVersion = version => {
    summary.protocolVersion = version;
};
let transportError = null;
let transportClosed = false;

const client = new Client({ name: 'sigma-mcp-node-check', version: '1.0.0' }, { capabilities: {} });
client.onerror = error => {
    transportError ??= describeError(error);
};
client.onclose = () => {
    transportClosed = true;
};
const requestOptions = { timeout: requestTimeoutMs };

async function listToolsStillAnswers(name) {
    try {
        const { tools } = await client.listTools(undefined, requestOptions);
        return check(name, Array.isArray(tools) && tools.length > 0, `tools/list answered with ${tools.length} tool(s)`);
    } catch (error) {
        return check(name, false, `tools/list failed: ${describeError(error)}`);
    }
}

function textOf(result) {
    return (result?.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
}

/**
 * Calls a tool with good arguments: callTool validates structuredContent against the tool's outputSchema and throws
 * on a mismatch. Then `expectations(content)` returns [[name, ok, detail], ...] about what came back.
 * Returns the structured content, or null when the call failed.
 */
async function callToolChecked(label, name, args, expectations = () => []) {
    const validation = `${label}: structuredContent matches outputSchema`;
    if (!summary.tools.includes(name)) {
        check(validation, false, `${name} is not listed: ${JSON.stringify(summary.tools)}`);
        return null;
    }
    let result;
    try {
        result = await client.callTool({ name, arguments: args }, undefined, requestOptions);
    } catch (error) {
        check(validation, false, describeError(error).slice(0, DETAIL_CHARS));
        return null;
    }
    const content = result.structuredContent;
    if (result.isError || !isPlainObject(content)) {
        check(validation, false, `isError=${result.isError ?? false}; text: ${textOf(result).slice(0, 500)}`);
        return null;
    }
    check(validation, true, 'validated by the SDK client');
    for (const [what, ok, detail] of expectations(content)) {
        check(`${label}: ${what}`, ok, ok ? null : detail);
    }
    return content;
}

/** Every Sigma tool with good arguments, and a workbook resource, on the sandbox's well-known content. */
async function checkSigmaTools() {
    await callToolChecked('refresh_cache', 'refresh_cache', {}, c => [
        ['documents were added', c.added > 0 || c.unchanged > 0, c],
        ['nothing failed', c.failed === 0, c],
    ]);

    await callToolChecked('search_documents', 'search_documents', { query: 'revenue by region' }, c => [
        ['Revenue Dashboard first, with the chart element',
            c.results?.[0]?.id === REVENUE_DASHBOARD_ID && c.results?.[0]?.element_id === REVENUE_BY_REGION_ELEMENT_ID,
            c.results?.[0] ?? c],
    ]);
    const linked = await client.callTool({ name: 'search_documents', arguments: { query: 'revenue by region', limit: 3 } }, undefined, requestOptions);
    const links = (linked.content ?? []).filter(c => c.type === 'resource_link').map(c => c.uri);
    check('search_documents: resource links to the documents found', links.includes(`sigma://workbooks/${REVENUE_DASHBOARD_ID}`), links);
    await callToolChecked('search_documents (original arguments)', 'search_documents',
        { query: 'sales', document_type: 'workbook', limit: 3 }, c => [
            ['only workbooks, at most 3', Array.isArray(c.results) && c.results.length > 0 && c.results.length <= 3
                && c.results.every(r => r.type === 'workbook'), c.results],
        ]);

    await callToolChecked('describe_workbook', 'describe_workbook', { workbook_id: REVENUE_DASHBOARD_ID }, c => [
        ['pages with the chart element', (c.pages ?? []).some(p => (p.elements ?? []).some(e => e.element_id === REVENUE_BY_REGION_ELEMENT_ID)),
            c.pages ?? c],
    ]);
    await callToolChecked('describe_data_model', 'describe_data_model', { data_model_id: SALES_DATA_MODEL_ID }, c => [
        ['elements with columns', (c.elements ?? []).length > 0 && c.elements.every(e => (e.columns ?? []).length > 0), c.elements ?? c],
    ]);
    await callToolChecked('get_element_sql', 'get_element_sql',
        { workbook_id: REVENUE_DASHBOARD_ID, element_id: REVENUE_BY_REGION_ELEMENT_ID }, c => [
            ['SQL', typeof c.sql === 'string' && c.sql.includes('SELECT'), c],
        ]);
    await callToolChecked('get_lineage', 'get_lineage',
        { workbook_id: REVENUE_DASHBOARD_ID, element_id: REVENUE_BY_REGION_ELEMENT_ID }, c => [
            ['nodes and edges', (c.nodes ?? []).length > 0 && (c.edges ?? []).length > 0, c],
        ]);
    for (const format of ['csv', 'json']) {
        await callToolChecked(`export_data (${format})`, 'export_data',
            { workbook_id: REVENUE_DASHBOARD_ID, element_id: ORDER_LINES_ELEMENT_ID, format, limit: 5 }, c => [
                ['5 rows and next_offset 5', c.row_count === 5 && (c.rows ?? []).length === 5 && c.next_offset === 5,
                    { row_count: c.row_count, rows: c.rows?.length, next_offset: c.next_offset }],
            ]);
    }

    // The names the first version of these tools took still work.
    await callToolChecked('describe_workbook (older name: workbook)', 'describe_workbook', { workbook: REVENUE_DASHBOARD_ID }, c => [
        ['the workbook', c.id === REVENUE_DASHBOARD_ID, c.id],
    ]);
    await callToolChecked('export_data (older name: row_limit)', 'export_data',
        { workbook_id: REVENUE_DASHBOARD_ID, element_id: ORDER_LINES_ELEMENT_ID, row_limit: 2 }, c => [
            ['2 rows', c.row_count === 2, c.row_count],
        ]);

    await checkContractErrors();

    const uri = `sigma://workbooks/${REVENUE_DASHBOARD_ID}`;
    try {
        const { contents } = await client.readResource({ uri }, requestOptions);
        const text = contents?.[0]?.text;
        let workbook = null;
        try {
            workbook = JSON.parse(text);
        } catch {
            // reported below
        }
        check(`resource ${uri}: JSON description of the workbook`, workbook?.id === REVENUE_DASHBOARD_ID && Array.isArray(workbook?.pages),
            workbook?.id === REVENUE_DASHBOARD_ID ? null : { mimeType: contents?.[0]?.mimeType, text: String(text).slice(0, 300) });
    } catch (error) {
        check(`resource ${uri}: JSON description of the workbook`, false, describeError(error));
    }
}

/**
 * Calls a tool with arguments that are wrong in one way and checks the error: an isError result (not a protocol
 * error), never the SDK's generic text, naming the argument or the next tool (`expected`, each a substring).
 */
async function callToolExpectingError(label, name, args, expected) {
    let result;
    try {
        result = await client.callTool({ name, arguments: args }, undefined, requestOptions);
    } catch (error) {
        check(`${label}: tool error`, false, `threw instead of an isError result: ${describeError(error)}`);
        return;
    }
    const text = textOf(result);
    const missing = expected.filter(e => !text.includes(e));
    check(`${label}: tool error naming the fix`, result.isError === true && missing.length === 0 && !text.includes('An error occurred invoking'),
        { isError: result.isError ?? false, missing, text: text.slice(0, 600) });
}

/** The contract of the argument vocabulary: each wrong-argument kind, unknown ids, wrong kinds of document, names as ids. */
async function checkContractErrors() {
    const wb = REVENUE_DASHBOARD_ID;
    await callToolExpectingError('missing argument', 'describe_workbook', {}, ["needs 'workbook_id'", 'Example: describe_workbook {"workbook_id":']);
    await callToolExpectingError('empty argument', 'get_element_sql', { workbook_id: wb, element_id: '' }, ["needs 'element_id'", 'Example: get_element_sql']);
    await callToolExpectingError('unknown argument', 'get_lineage', { workbook_id: wb, element_id: REVENUE_BY_REGION_ELEMENT_ID, depth: 3 },
        ["get_lineage has no argument 'depth'", 'workbook_id (required)', 'Example:']);
    await callToolExpectingError('unknown argument (no arguments taken)', 'heartbeat', { verbose: true }, ["has no argument 'verbose'", 'It takes no arguments']);
    await callToolExpectingError('wrong type', 'search_documents', { query: 'revenue', limit: 'ten' }, ["'limit' must be a whole number", 'Example: search_documents']);
    await callToolExpectingError('wrong type (object for text)', 'describe_data_model', { data_model_id: { id: SALES_DATA_MODEL_ID } }, ["'data_model_id' must be a text string"]);
    await callToolExpectingError('out of range', 'export_data', { workbook_id: wb, element_id: ORDER_LINES_ELEMENT_ID, limit: 0 }, ["'limit' must be from 1 to 10000", 'Example: export_data']);
    await callToolExpectingError('not one of the values', 'export_data', { workbook_id: wb, element_id: ORDER_LINES_ELEMENT_ID, format: 'xml' }, ["'format' must be csv or json"]);
    await callToolExpectingError('unknown workbook id', 'describe_workbook', { workbook_id: '00000000-0000-4000-8000-00000000dead' }, ['not among the', 'search_documents']);
    await callToolExpectingError('unknown data model id', 'describe_data_model', { data_model_id: '00000000-0000-4000-8000-00000000dead' }, ['not among the', 'search_documents']);
    await callToolExpectingError('data model id to the workbook tool', 'describe_workbook', { workbook_id: SALES_DATA_MODEL_ID },
        ['is a data model', `describe_data_model {"data_model_id":"${SALES_DATA_MODEL_ID}"}`]);
    await callToolExpectingError('workbook id to the data model tool', 'describe_data_model', { data_model_id: wb }, ['is a workbook', 'describe_workbook']);
    await callToolExpectingError('data model element to export_data', 'export_data', { workbook_id: SALES_DATA_MODEL_ID, element_id: 'anything' },
        ['only from workbook elements', 'document_type']);
    await callToolExpectingError('a name as an id', 'describe_workbook', { workbook_id: 'Revenue Dashboard' }, ['looks like a name', wb]);
    await callToolExpectingError('a name as an id (export)', 'export_data', { workbook_id: 'Revenue Dashboard', element_id: ORDER_LINES_ELEMENT_ID }, ['looks like a name', wb]);
}

async function run() {
    // 1. initialize (+ notifications/initialized), exactly as Claude Desktop starts a session.
    try {
        await client.connect(transport, requestOptions);
    } catch (error) {
        check('initialize', false, `connect failed: ${describeError(error)}`);
        return;
    }
    summary.server = client.getServerVersion() ?? null;
    check('initialize', summary.protocolVersion !== null && summary.server?.name,
        { protocolVersion: summary.protocolVersion, serverInfo: summary.server, capabilities: client.getServerCapabilities() });

    // 2. tools/list: every tool carries what clients show and use to decide about confirmation prompts.
    let tools;
    try {
        ({ tools } = await client.listTools(undefined, requestOptions));
    } catch (error) {
        check('tools/list', false, describeError(error));
        return;
    }
    summary.tools = tools.map(tool => tool.name);
    check('tools/list', tools.length > 0, `${tools.length} tool(s)`);
    for (const tool of tools) {
        const problems = [];
        if (typeof tool.title !== 'string' || tool.title.trim() === '') {
            problems.push('no title');
        }
        if (!isPlainObject(tool.annotations)) {
            problems.push('no annotations');
        } else {
            for (const hint of HINTS) {
                if (typeof tool.annotations[hint] !== 'boolean') {
                    problems.push(`annotations.${hint} is ${JSON.stringify(tool.annotations[hint]) ?? 'missing'}`);
                }
            }
        }
        if (tool.inputSchema?.type !== 'object') {
            problems.push(`inputSchema.type is ${JSON.stringify(tool.inputSchema?.type) ?? 'missing'}`);
        }
        check(`tool ${tool.name}: metadata`, problems.length === 0,
            problems.length === 0 ? { title: tool.title, annotations: tool.annotations } : problems.join('; '));
    }

    // 3. heartbeat {}: callTool validates structuredContent against outputSchema (it knows the schema from tools/list).
    const heartbeatListed = summary.tools.includes('heartbeat');
    check('heartbeat: listed', heartbeatListed, summary.tools);
    if (heartbeatListed) {
        try {
            const result = await client.callTool({ name: 'heartbeat', arguments: {} }, undefined, requestOptions);
            const content = result.structuredContent;
            check('heartbeat: structuredContent matches outputSchema', isPlainObject(content) && !result.isError,
                isPlainObject(content) ? 'validated by the SDK client' : `isError=${result.isError}; content: ${JSON.stringify(result.content)}`);
            check('heartbeat: status is healthy', content?.status === 'healthy',
                content?.status === 'healthy' ? 'healthy' : { status: content?.status, error: content?.error, next_step: content?.next_step });
            check('heartbeat: sigma_api.user_info is an object', isPlainObject(content?.sigma_api?.user_info),
                content?.sigma_api?.user_info ?? null);
        } catch (error) {
            check('heartbeat: structuredContent matches outputSchema', false, describeError(error));
        }
    }

    // 4. An unknown tool is an error (a JSON-RPC error or an isError result), and the server keeps serving.
    try {
        const result = await client.callTool({ name: 'no_such_tool_for_sure', arguments: {} }, undefined, requestOptions);
        check('unknown tool: error', result.isError === true, `got a result: ${JSON.stringify(result)}`);
    } catch (error) {
        check('unknown tool: error', isServerErrorResponse(error), describeError(error));
    }
    await listToolsStillAnswers('unknown tool: server still answers tools/list');

    // 5. heartbeat with an argument it does not declare: any answer (result or error) is fine, as long as the result
    //    still matches the output schema and the server keeps serving.
    if (heartbeatListed) {
        try {
            const result = await client.callTool({ name: 'heartbeat', arguments: { unexpected: 1 } }, undefined, requestOptions);
            check('heartbeat with a bogus argument: answered', true,
                { isError: result.isError ?? false, status: result.structuredContent?.status ?? null });
        } catch (error) {
            check('heartbeat with a bogus argument: answered', isServerErrorResponse(error), describeError(error));
        }
        await listToolsStillAnswers('heartbeat with a bogus argument: server still answers tools/list');
    }

    // 6. Every Sigma tool with good arguments, and a resource, through the validating client.
    await checkSigmaTools();

    check('transport: no errors, still open', transportError === null && !transportClosed,
        transportError ?? (transportClosed ? 'the server closed the connection' : 'ok'));
}

try {
    await run();
} catch (error) {
    check('script', false, `unexpected: ${describeError(error)}\n${error?.stack ?? ''}`);
} finally {
    try {
        await client.close();
    } catch {
        // The summary says what went wrong; closing is best effort.
    }
}

summary.ok = checks.length > 0 && checks.every(c => c.ok);
if (!summary.ok) {
    summary.stderrTail = stderrText.split(/\r?\n/).filter(line => line.length > 0).slice(-STDERR_TAIL_LINES);
}
process.stdout.write(`${JSON.stringify(summary)}\n`, () => process.exit(summary.ok ? 0 : 1));
