using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Proposals.Tests.Infrastructure.SuiteFramework", "Proposals.Tests")]

namespace Proposals.Tests.Infrastructure;

/// <summary>
/// xunit as it is, with one step before the first test: when the run holds browser tests, the
/// Playwright driver is started while nothing else writes to the console (see <see cref="Browser.PlaywrightDriver"/>).
/// </summary>
public sealed class SuiteFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var cases = testCases.ToList();
            if (cases.Any(c => c.TestMethod.TestClass.Class.Name.StartsWith("Proposals.Tests.Browser.", StringComparison.Ordinal)))
            {
                try
                {
                    Browser.PlaywrightDriver.GetAsync().GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    // The browser tests fail on their own, saying why; the others still run.
                    DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"Playwright's driver did not start: {e.Message}"));
                }
            }
            base.RunTestCases(cases, executionMessageSink, executionOptions);
        }
    }
}
