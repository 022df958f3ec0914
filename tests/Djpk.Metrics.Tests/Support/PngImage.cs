using System.Buffers.Binary;
using System.IO.Compression;

namespace Djpk.Metrics.Tests.Support;

/// <summary>A decoded PNG image as 8-bit RGBA pixels: enough of the format for browser screenshots (8-bit grey, RGB, grey+alpha or RGBA, not interlaced).</summary>
/// <remarks>Decodes with <see cref="ZLibStream"/> and the five scanline filters of the PNG specification; anything else is an <see cref="InvalidDataException"/>.</remarks>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly uint[] _pixels;

    private PngImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Gets the pixel at (<paramref name="x"/>, <paramref name="y"/>) as 0xRRGGBBAA.</summary>
    public uint this[int x, int y] => _pixels[(y * Width) + x];

    /// <summary>Gets every pixel, row by row, as 0xRRGGBBAA.</summary>
    public ReadOnlySpan<uint> Pixels => _pixels;

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file: the signature is missing.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        int at = Signature.Length;
        while (at + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(at + 8, length);
            at += 12 + length;   // length, type, data, CRC
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    byte depth = data[8], colour = data[9], interlace = data[12];
                    channels = colour switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
                    if (depth != 8 || channels == 0 || interlace != 0)
                    {
                        throw new InvalidDataException($"Unsupported PNG: bit depth {depth}, colour type {colour}, interlace {interlace}.");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    at = png.Length;
                    break;
            }
        }

        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("The PNG has no IHDR chunk.");
        }

        int stride = width * channels;
        byte[] raw = new byte[(stride + 1) * height];
        compressed.Position = 0;
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            inflate.ReadExactly(raw);
        }

        var pixels = new uint[width * height];
        byte[] previous = new byte[stride];
        byte[] line = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(line);
            Unfilter(filter, line, previous, channels);
            for (int x = 0; x < width; x++)
            {
                int p = x * channels;
                (byte r, byte g, byte b, byte a) = channels switch
                {
                    1 => (line[p], line[p], line[p], (byte)255),
                    2 => (line[p], line[p], line[p], line[p + 1]),
                    3 => (line[p], line[p + 1], line[p + 2], (byte)255),
                    _ => (line[p], line[p + 1], line[p + 2], line[p + 3]),
                };
                pixels[(y * width) + x] = ((uint)r << 24) | ((uint)g << 16) | ((uint)b << 8) | a;
            }

            (previous, line) = (line, previous);
        }

        return new PngImage(width, height, pixels);
    }

    private static void Unfilter(int filter, byte[] line, byte[] previous, int bpp)
    {
        for (int i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0;
            int up = previous[i];
            int upLeft = i >= bpp ? previous[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + left),
                2 => (byte)(line[i] + up),
                3 => (byte)(line[i] + ((left + up) / 2)),
                4 => (byte)(line[i] + Paeth(left, up, upLeft)),
                _ => throw new InvalidDataException($"Unknown PNG filter type {filter}."),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
