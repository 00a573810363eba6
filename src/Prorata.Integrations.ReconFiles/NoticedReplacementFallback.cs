using System.Text;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Decodes bytes that are not UTF-8 as U+FFFD, as the default decoder does, and remembers that it did. A file's rows
/// are searched for U+FFFD only once this happened, instead of every field of every row of every file.
/// </summary>
internal sealed class NoticedReplacementFallback : DecoderFallback
{
    public bool Used { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(NoticedReplacementFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Used = true;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending) return '\0';
            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_pending) return false;
            _pending = true;
            return true;
        }

        public override void Reset() => _pending = false;
    }
}
