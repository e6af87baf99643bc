#!/usr/bin/env node
// Converts every *.tf file in a folder to JSON with @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly),
// so that the C# tests can check the Terraform in deploy/ without terraform init, which would download providers.
//
// Usage: node hcl2json.mjs <folder>
// Prints one JSON object on stdout: {"<file name>": <that file as JSON>, ...}, files in name order.
// Exits 1 with the parser's message on stderr when a file is not valid HCL.

import process from 'node:process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node hcl2json.mjs <folder>\n');
  process.exit(2);
}

const files = (await readdir(folder)).filter((name) => name.endsWith('.tf')).sort();
const result = {};
for (const name of files) {
  try {
    result[name] = await parse(name, await readFile(path.join(folder, name), 'utf8'));
  } catch (error) {
    process.stderr.write(`${name}: ${error?.message ?? error}\n`);
    process.exit(1);
  }
}

process.stdout.write(JSON.stringify(result));
