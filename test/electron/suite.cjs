// Runs inside VS Code's extension host (loaded by test/electron/run.mjs). Waits on events, never sleeps.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

function waitFor(check, what, timeoutMs = 60_000) {
	return new Promise((resolve, reject) => {
		const deadline = setTimeout(() => {
			listener.dispose();
			reject(new Error(`Timed out waiting for ${what}`));
		}, timeoutMs);
		const attempt = () => {
			const value = check();
			if (value) {
				clearTimeout(deadline);
				listener.dispose();
				resolve(value);
			}
		};
		const listener = vscode.languages.onDidChangeDiagnostics(attempt);
		attempt();
	});
}

exports.run = async function run() {
	const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
	const source = vscode.Uri.file(path.join(folder, 'api/src/workspaces/createWorkspace.ts'));
	const document = await vscode.workspace.openTextDocument(source);
	await vscode.window.showTextDocument(document);

	const diagnostic = await waitFor(
		() => vscode.languages.getDiagnostics(source).find((d) => d.code === 'undeclared-group-type'),
		'the undeclared-group-type diagnostic on createWorkspace.ts',
	);
	assert.equal(document.getText(diagnostic.range), 'compnay_id');

	const seats = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'api/src/billing/seats.ts')));
	const at = seats.positionAt(seats.getText().indexOf("groupIdentify('company_id'") + "groupIdentify('".length + 2);
	const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', seats.uri, at);
	const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
	assert.match(hoverText, /The paying customer/);

	const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', source, diagnostic.range);
	const addType = actions.find((a) => a.title === 'Add group type "compnay_id" to tracking-plan.yaml');
	assert.ok(addType, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
	assert.ok(await vscode.workspace.applyEdit(addType.edit));
	const plan = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('tracking-plan.yaml'));
	assert.match(plan.getText(), /\n  compnay_id:\n/);

	const edit = new vscode.WorkspaceEdit();
	const end = seats.lineAt(seats.lineCount - 1).range.end;
	edit.insert(seats.uri, end, "\namplitude.setGroup('");
	await vscode.workspace.applyEdit(edit);
	const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', seats.uri, seats.lineAt(seats.lineCount - 1).range.end);
	const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
	for (const name of ['company_id', 'workspace_id', 'team']) assert.ok(labels.includes(name), `completion offers ${name}: ${labels.join(', ')}`);
};
