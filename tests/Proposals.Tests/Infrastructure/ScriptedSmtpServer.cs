using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proposals.Tests.Infrastructure;

/// <summary>
/// A small SMTP server on 127.0.0.1 whose replies a test chooses: a refusal for one recipient, a
/// temporary failure after the data, silence. It counts connections and keeps what it accepted.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _recipientReplies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _senderReplies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _connections;
    private int _dataReceived;

    /// <summary>Starts listening on a free port.</summary>
    public ScriptedSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>A message the server accepted.</summary>
    public sealed record Received(string MailFrom, IReadOnlyList<string> Recipients, string Data);

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections it has accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The messages it accepted, in order.</summary>
    public IReadOnlyList<Received> Messages => _received.ToArray();

    /// <summary>The reply after the message data; "250 2.0.0 queued" unless set.</summary>
    public string DataReply { get; set; } = "250 2.0.0 Ok: queued";

    /// <summary>When set, the next message's data is read and the connection dropped without a reply.</summary>
    public bool HangUpAfterNextData { get; set; }

    /// <summary>How long the server thinks before it replies to the end of each message's data.</summary>
    public TimeSpan DataReplyDelay { get; set; }

    /// <summary>When true, the server reads each message's data whole and then never replies (nor hangs up).</summary>
    public bool SilentAfterData { get; set; }

    /// <summary>
    /// When set, the connection is reset at the next DATA command, before the "354" that would invite the
    /// message's data, so the client cannot have finished writing it. (Reset after the 354, it raced the
    /// client: on loopback a whole reminder may be written before the reset is seen.)
    /// </summary>
    public bool HangUpDuringNextData { get; set; }

    /// <summary>When true, the server never replies to RCPT TO (nor hangs up): it stops answering before any data.</summary>
    public bool SilentAtRecipients { get; set; }

    /// <summary>How many messages' data the server read to the end, replied to or not.</summary>
    public int DataReceived => Volatile.Read(ref _dataReceived);

    /// <summary>When true, the server accepts connections but never says a word.</summary>
    public bool Silent { get; set; }

    /// <summary>Replies with <paramref name="reply"/> to MAIL FROM for <paramref name="address"/>.</summary>
    public void RefuseSender(string address, string reply) => _senderReplies[address] = reply;

    /// <summary>Replies with <paramref name="reply"/> to RCPT TO for <paramref name="address"/>.</summary>
    public void RefuseRecipient(string address, string reply) => _recipientReplies[address] = reply;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
        Task[] sessions;
        lock (_sessions) sessions = [.. _sessions];
        await Task.WhenAll(sessions.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_sessions) _sessions.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            await writer.WriteLineAsync("220 scripted.test ESMTP");
            var from = "";
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-scripted.test\r\n250-8BITMIME\r\n250 SIZE 10485760");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 Ok");
                        break;
                    case "RSET":
                        from = "";
                        recipients.Clear();
                        await writer.WriteLineAsync("250 Ok");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync(_senderReplies.TryGetValue(from, out var senderRefusal) ? senderRefusal : "250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        if (SilentAtRecipients)
                        {
                            await Task.Delay(Timeout.Infinite, _stop.Token);
                            return;
                        }
                        var address = Address(line);
                        if (_recipientReplies.TryGetValue(address, out var refusal))
                        {
                            await writer.WriteLineAsync(refusal);
                            break;
                        }
                        recipients.Add(address);
                        await writer.WriteLineAsync("250 2.1.5 Ok");
                        break;
                    case "DATA":
                        if (recipients.Count == 0)
                        {
                            await writer.WriteLineAsync("554 5.5.1 No valid recipients");
                            break;
                        }
                        // Gone at the DATA command, before its 354: the client cannot have written any of the
                        // message. Closing after the 354 raced the client, which may already have written it whole.
                        if (HangUpDuringNextData)
                        {
                            HangUpDuringNextData = false;
                            client.Client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader);
                        Interlocked.Increment(ref _dataReceived);
                        if (SilentAfterData)
                        {
                            await Task.Delay(Timeout.Infinite, _stop.Token);
                            return;
                        }
                        if (DataReplyDelay > TimeSpan.Zero) await Task.Delay(DataReplyDelay, _stop.Token);
                        if (HangUpAfterNextData)
                        {
                            HangUpAfterNextData = false;
                            return;
                        }
                        var reply = DataReply;
                        if (reply.StartsWith('2'))
                            _received.Enqueue(new Received(from, [.. recipients], data));
                        recipients.Clear();
                        await writer.WriteLineAsync(reply);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        return data.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }
}
