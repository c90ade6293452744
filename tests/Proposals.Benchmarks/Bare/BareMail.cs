using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// The floor of sending: one MailKit SmtpClient, one connection, messages composed and sent one
/// after another. Either MailKit's own connect, or a socket the caller connects with Nagle's
/// algorithm off (NoDelay), handed to MailKit: with small commands and replies in turn, Nagle can
/// hold each write back until the server's delayed ACK, which caps one connection's rate.
/// </summary>
internal static class BareMail
{
    public static async Task<long> RunAsync(string host, int port, int count, bool noDelay)
    {
        using var client = new SmtpClient();
        if (noDelay)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, port).ConfigureAwait(false);
                await client.ConnectAsync(socket, host, port, SecureSocketOptions.None).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        else
        {
            await client.ConnectAsync(host, port, SecureSocketOptions.None).ConfigureAwait(false);
        }
        for (var i = 0; i < count; i++)
        {
            using var message = ReminderLikeMessage.Create(i);
            await client.SendAsync(message).ConfigureAwait(false);
        }
        await client.DisconnectAsync(quit: true).ConfigureAwait(false);
        return count;
    }
}
