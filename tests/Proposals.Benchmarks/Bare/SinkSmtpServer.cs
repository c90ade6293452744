using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// The fastest SMTP server a client can meet: on 127.0.0.1, it answers every command at once, keeps
/// nothing of a message but the count, and advertises only PIPELINING and 8BITMIME. smtp4dev stores
/// every message and caps a client near a hundred messages a second on this machine; against this
/// sink the time measured is the client's own.
/// </summary>
internal sealed class SinkSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _messages;

    public SinkSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages accepted (answered 250 after their final dot) so far.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    public void Reset() => Interlocked.Exchange(ref _messages, 0);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            // Latin-1 maps every byte to one char: a line of any encoding is read, never decoded wrongly.
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 64 * 1024);
            await using var writer = new StreamWriter(stream, Encoding.Latin1, 4096) { NewLine = "\r\n", AutoFlush = false };
            try
            {
                await ReplyAsync(writer, "220 sink ESMTP").ConfigureAwait(false);
                while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await ReplyAsync(writer, "250-sink\r\n250-PIPELINING\r\n250 8BITMIME").ConfigureAwait(false);
                            break;
                        case "DATA":
                            await ReplyAsync(writer, "354 go ahead").ConfigureAwait(false);
                            while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } data && data != ".")
                            {
                            }
                            Interlocked.Increment(ref _messages);
                            await ReplyAsync(writer, "250 2.0.0 queued").ConfigureAwait(false);
                            break;
                        case "QUIT":
                            await ReplyAsync(writer, "221 bye").ConfigureAwait(false);
                            return;
                        default:
                            // HELO, MAIL, RCPT, RSET, NOOP: all fine.
                            await ReplyAsync(writer, "250 OK").ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away, or the sink is stopping
            }
        }
    }

    private static async Task ReplyAsync(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try { await _accepting.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
