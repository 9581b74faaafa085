using System.Buffers.Binary;

namespace JourneyReports.Workbooks;

/// <summary>Reads a PNG's pixel size from its header, without an imaging library.</summary>
internal static class PngInfo
{
    static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        // The IHDR chunk is always first: length (4), "IHDR" (4), width (4), height (4), big-endian.
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new ArgumentException("The image is not a PNG.", nameof(png));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        if (width <= 0 || height <= 0) throw new ArgumentException("The PNG has no pixels.", nameof(png));
        return (width, height);
    }

    /// <summary>The PNG's size, scaled down (aspect kept) to at most <paramref name="maxWidth"/> pixels wide.</summary>
    public static (int Width, int Height) SizeNoWiderThan(byte[] png, int maxWidth)
    {
        var (width, height) = Size(png);
        if (width <= maxWidth) return (width, height);
        return (maxWidth, Math.Max(1, (int)Math.Round(height * (double)maxWidth / width)));
    }
}
