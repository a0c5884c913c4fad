using System.Buffers;
using System.Text.Unicode;

namespace CampaignBot.Configuration;

/// <summary>Decodes the file strictly as UTF-8, because a file saved as GBK or UTF-16 would otherwise load as garbled names.</summary>
internal static class CampaignText
{
    public static string? Decode(byte[] bytes, CampaignErrorList errors)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            errors.AddForFile("文件是 UTF-16（Unicode）编码，不是 UTF-8；请在编辑器中用“UTF-8”编码另存后再试。");
            return null;
        }

        var body = bytes.AsSpan();
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        if (body.IndexOf((byte)0) is var nul and >= 0)
        {
            errors.AddAtLine(LineAt(body, nul), "文件含有 NUL 字节，不是文本文件（或是没有标记的 UTF-16 编码）；请确认选对了文件，并用 UTF-8 编码保存。");
            return null;
        }

        var chars = new char[body.Length];
        var status = Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            errors.AddAtLine(LineAt(body, read), "文件不是 UTF-8 编码的文本（这一行有无法识别的字节，常见原因是用 GBK/GB2312 保存）；请用 UTF-8 编码另存后再试。");
            return null;
        }

        return new string(chars, 0, written);
    }

    private static int LineAt(ReadOnlySpan<byte> body, int index) => body[..index].Count((byte)'\n') + 1;
}
