using System.Net;
using System.Net.Sockets;

namespace Proposals.Tests.Production;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of an SMTP server that can hold the server's answer to the end
/// of a message's data. While held, the server has accepted and kept the message but its sender has
/// not heard so: every sender stops there, after the acceptance and before its mark. A process
/// killed then dies in exactly the window where a reminder may go twice, not by the luck of the moment.
/// </summary>
internal sealed class HoldingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _target;
    private readonly List<Task> _pumps = [];
    private readonly Task _accepting;
    private TaskCompletionSource _open = Opened();
    private int _waiting;

    /// <summary>Relays to the server on 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public HoldingRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many acceptances are waiting to be passed on to their senders.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>From now on the server's answers to the end of a message wait.</summary>
    public void Hold()
    {
        var current = Volatile.Read(ref _open);
        if (current.Task.IsCompleted) Interlocked.CompareExchange(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
    }

    /// <summary>The waiting replies go on, and so do the ones after them.</summary>
    public void Release() => _open.TrySetResult();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_pumps) _pumps.Add(Task.Run(() => RelayAsync(client)));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            var conversation = new Conversation();
            var toServer = PumpAsync(client.GetStream(), server.GetStream(), conversation, replies: false);
            var toClient = PumpAsync(server.GetStream(), client.GetStream(), conversation, replies: true);
            await Task.WhenAny(toServer, toClient);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away (a killed worker, a closed session) or the relay is stopping.
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Conversation conversation, bool replies)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (!replies)
                {
                    conversation.Watch(buffer.AsSpan(0, read));
                }
                else if (conversation.DataEnded)
                {
                    conversation.DataEnded = false;
                    var open = Volatile.Read(ref _open);
                    if (!open.Task.IsCompleted)
                    {
                        Interlocked.Increment(ref _waiting);
                        try { await open.Task.WaitAsync(_stop.Token); }
                        finally { Interlocked.Decrement(ref _waiting); }
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        // Passes the end on, so that the other side's pump ends too.
        try { to.Socket.Shutdown(SocketShutdown.Send); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    /// <summary>One client's conversation: whether it has just ended a message's data ("CRLF . CRLF").</summary>
    private sealed class Conversation
    {
        private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
        private int _matched;
        private volatile bool _dataEnded;

        public bool DataEnded
        {
            get => _dataEnded;
            set => _dataEnded = value;
        }

        public void Watch(ReadOnlySpan<byte> sent)
        {
            foreach (var b in sent)
            {
                // CR appears only at the start and the middle of the pattern, so a mismatch restarts at 0 or 1.
                _matched = b == EndOfData[_matched] ? _matched + 1 : b == EndOfData[0] ? 1 : 0;
                if (_matched < EndOfData.Length) continue;
                _dataEnded = true;
                _matched = 0;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
        Task[] pumps;
        lock (_pumps) pumps = [.. _pumps];
        await Task.WhenAll(pumps);
        _stop.Dispose();
    }
}
