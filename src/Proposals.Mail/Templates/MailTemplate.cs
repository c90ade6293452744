using System.Text.Encodings.Web;
using Fluid;

namespace Proposals.Mail;

/// <summary>
/// A Liquid template kept in a file the coordinator may edit: it is read again whenever the file
/// changes, so an edit takes effect on the next message without rebuilding or restarting.
/// </summary>
internal sealed class MailTemplate
{
    private static readonly FluidParser Parser = new();
    private readonly object _gate = new();
    private IFluidTemplate? _template;
    private DateTime _readAt;

    /// <summary>Reads and checks the template at <paramref name="path"/>; throws when it is missing or malformed.</summary>
    public MailTemplate(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Current();
    }

    /// <summary>The template file.</summary>
    public string Path { get; }

    /// <summary>Renders the template; <paramref name="encoder"/> escapes every value it outputs.</summary>
    public string Render(TemplateContext context, TextEncoder encoder) => Current().Render(context, encoder);

    private IFluidTemplate Current()
    {
        lock (_gate)
        {
            if (!File.Exists(Path))
                throw new MailTemplateException($"邮件模板不存在 (Mail template {Path} does not exist)");
            var writtenAt = File.GetLastWriteTimeUtc(Path);
            if (_template is null || writtenAt != _readAt)
            {
                var source = File.ReadAllText(Path);
                if (!Parser.TryParse(source, out var template, out var error))
                    throw new MailTemplateException($"邮件模板无法解析 (Mail template {Path} cannot be read: {error})");
                _template = template;
                _readAt = writtenAt;
            }
            return _template;
        }
    }
}

/// <summary>A mail template file is missing or is not valid Liquid.</summary>
public sealed class MailTemplateException(string message) : Exception(message);
