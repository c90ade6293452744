namespace Proposals.Worker.Cli;

/// <summary>The user's input is wrong; the message says where and why (exit code 2, no stack trace).</summary>
internal sealed class UserInputException(string message) : Exception(message);
