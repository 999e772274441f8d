// extensionTestsPath entry: runs the mocha suites inside the VS Code extension host (code-server).
// Mocha's own summary ("N passing") is not a count CI reads, so each test's outcome is also written as JSON to
// $POSTMORTEM_MOCHA_RESULTS (set by run-vscode.mjs; the extension host inherits code-server's environment).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha/lib/mocha.cjs'); // the CommonJS build: mocha 12's main entry is an ES module

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'diagnostics.test.js'));
  mocha.addFile(path.join(__dirname, 'features.test.js'));
  mocha.addFile(path.join(__dirname, 'timeline.test.js'));
  mocha.addFile(path.join(__dirname, 'authoring.test.js'));
  mocha.addFile(path.join(__dirname, 'restart.test.js'));
  const details = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = details.filter((d) => d.status === 'passed').length;
      const summary = { passed, failed: details.length - passed, details };
      console.log(`MOCHA-RESULTS ${JSON.stringify(summary)}`);
      if (process.env.POSTMORTEM_MOCHA_RESULTS)
        fs.writeFileSync(process.env.POSTMORTEM_MOCHA_RESULTS, JSON.stringify(summary));
      failures ? reject(new Error(`${failures} tests failed.`)) : resolve();
    });
    runner.on('pass', (t) => details.push({ name: t.fullTitle(), status: 'passed', ms: t.duration }));
    // 'fail' also fires for hooks, which are then reported under the hook's title.
    runner.on('fail', (t, err) =>
      details.push({ name: t.fullTitle(), status: 'failed', ms: t.duration, error: String(err?.message) }),
    );
  });
};
