using System.CommandLine;
using System.Text;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals hash-password</c>: reads one password from standard input and prints its salted
/// slow hash, to paste as <c>Auth:Users:N:PasswordHash</c>. At a terminal it asks on standard error
/// and does not echo what is typed; piped, it reads the first line. Standard output carries the
/// hash alone, so that <c>$(proposals hash-password)</c> gives just the hash.
/// </summary>
internal static class HashPasswordCommand
{
    /// <summary>The command, reading from <paramref name="input"/>, or from the process's standard input when null.</summary>
    public static Command Create(Console console, TextReader? input = null)
    {
        var command = new Command("hash-password", "生成登录密码的哈希, 从标准输入读取密码 (read a password from standard input, print the hash for Auth:Users:N:PasswordHash)");
        command.SetAction(async (_, cancel) =>
        {
            var password = input is null ? ReadProcessInput(console) : await input.ReadLineAsync(cancel).ConfigureAwait(false);
            if (string.IsNullOrEmpty(password))
            {
                await console.Error.WriteLineAsync("密码为空, 未生成哈希 (the password is empty: no hash printed)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            await console.Out.WriteLineAsync(PasswordHashing.Hash(password)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? ReadProcessInput(Console console)
    {
        if (global::System.Console.IsInputRedirected) return global::System.Console.In.ReadLine();
        console.Error.Write("密码 Password: ");
        console.Error.Flush();
        var typed = ReadWithoutEcho();
        console.Error.WriteLine();
        return typed;
    }

    // Console.ReadLine would show the password on the screen; keys read one by one are not echoed.
    private static string ReadWithoutEcho()
    {
        var typed = new StringBuilder();
        while (true)
        {
            var key = global::System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) return typed.ToString();
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0) typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
