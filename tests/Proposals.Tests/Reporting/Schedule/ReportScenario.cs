using Microsoft.Extensions.Time.Testing;
using System.CommandLine;
using System.Text;
using ExcelDataReader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Cli;
using Proposals.Worker.Hosting;
using Proposals.Worker.Jobs;

namespace Proposals.Tests.Reporting.Schedule;

/// <summary>
/// A ledger of 2018 and 2019 items, a reports folder and a clock, wired to an SMTP server on
/// 127.0.0.1 the way the worker and the command wire themselves.
/// </summary>
internal sealed class ReportScenario : IDisposable
{
    public const string Coordinator = "zonghe@finance.example.org";

    static ReportScenario() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ReportScenario(string now) => Clock = BeijingClock.At(now);

    public TempLedger Ledger { get; } = new();
    public FakeTimeProvider Clock { get; }
    public string Reports => Path.Combine(Ledger.Folder, "reports");

    /// <summary>
    /// 2019, as of 2019-10-08: suggestions 3 assigned, 2 replied (one late), 66.67% / 33.33%;
    /// proposals 1 assigned and replied on time, 1 returned; in all 4 assigned, 3 replied, 75%.
    /// 2018: 2 suggestions, one replied in December, one only on 2019-01-02.
    /// </summary>
    public static async Task<ReportScenario> CreateAsync(string now)
    {
        var scenario = new ReportScenario(now);
        await scenario.Ledger.WithDivisionsAsync();
        await new ItemStore(scenario.Ledger.Database).UpsertAsync(
        [
            Items.Make("101", "2019-03-01", "2019-06-03", replied: "2019-05-20", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied),
            Items.Make("102", "2019-03-01", "2019-06-03", replied: "2019-06-10", replyClass: ReplyClass.B, satisfaction: Satisfaction.BasicallySatisfied),
            Items.Make("103", "2019-07-01", "2019-10-08", lead: "金融服务处"),
            Items.Make("201", "2019-03-05", "2019-06-05", kind: ItemKind.Cppcc, lead: "综合处", replied: "2019-05-30", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied),
            Items.Make("202", "2019-03-05", "2019-06-05", kind: ItemKind.Cppcc, lead: "综合处", returned: true),
            Items.Make("81", "2018-09-03", "2018-12-03", session: "十四届五次", replied: "2018-12-03", replyClass: ReplyClass.A),
            Items.Make("82", "2018-10-08", "2019-01-08", session: "十四届五次", replied: "2019-01-02", replyClass: ReplyClass.C),
        ]);
        return scenario;
    }

    /// <summary>The settings that point the program at this ledger, this folder and the SMTP server on <paramref name="smtpPort"/>.</summary>
    public Dictionary<string, string?> Settings(int smtpPort) => new()
    {
        ["ConnectionStrings:Proposals"] = LedgerDatabase.ForFile(Ledger.Path).ConnectionString,
        ["Mail:Transport"] = "smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:TimeoutSeconds"] = "10",
        ["Mail:From"] = "建议提案催办 <proposals@finance.example.org>",
        ["Mail:Coordinator"] = $"综合处 <{Coordinator}>",
        ["Reports:Directory"] = Reports,
        ["Reports:SendAt"] = "09:00",
        ["Ledger:TimeZone"] = "Asia/Shanghai",
    };

    /// <summary>The worker's services, registered as the host registers them, around this scenario's clock.</summary>
    public ServiceProvider Services(int smtpPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(smtpPort)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services.AddProposals(configuration);
        return services.BuildServiceProvider();
    }

    public static RateReportJob Job(ServiceProvider services) => services.GetRequiredService<RateReportJob>();

    /// <summary>Runs <c>report send</c> with <paramref name="args"/>; returns the exit code and what it wrote.</summary>
    public async Task<(int Code, string Out, string Error)> SendAsync(int smtpPort, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { ReportSendCommand.Create(new Proposals.Worker.Cli.Console(output, error, Clock), Settings(smtpPort)) };
        var code = await root.Parse(["send", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }

    public Task<ReportRun?> RunAsync(string period) => new ReportRunStore(Ledger.Database).FindAsync(period);

    /// <summary>The sheets of a workbook, read back with ExcelDataReader.</summary>
    public static Dictionary<string, List<object?[]>> Sheets(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>The one message the server received, parsed, and its attached workbook.</summary>
    public static async Task<(MimeMessage Message, byte[] Workbook)> OnlyMessageAsync(Smtp4dev smtp)
    {
        var listed = Assert.Single(await smtp.GetMessagesAsync());
        var message = await MimeMessage.LoadAsync(new MemoryStream(await smtp.GetRawAsync(listed.Id)));
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.NotNull(part.Content);
        using var bytes = new MemoryStream();
        await part.Content.DecodeToAsync(bytes);
        return (message, bytes.ToArray());
    }

    public void Dispose() => Ledger.Dispose();
}
