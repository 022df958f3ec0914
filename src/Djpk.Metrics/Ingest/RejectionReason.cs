namespace Djpk.Metrics.Ingest;

/// <summary>Why a log reader rejected a row.</summary>
public enum RejectionReason
{
    /// <summary>The timestamp matches none of the declared <see cref="IngestOptions.TimestampFormats"/> (ISO-8601 by default), names a date or time that does not exist (a leap second included), is a local time the zone skips or repeats under <see cref="LocalTimeResolution.Reject"/>, or is outside the supported range 0001-01-01T18:00:00Z to 9999-12-26T05:59:59.9999999Z.</summary>
    InvalidTimestamp = 0,

    /// <summary>The timestamp has no offset and the reader was given no zone to read it in.</summary>
    MissingOffset = 1,

    /// <summary>The channel matches no id, name or alias of the catalog and no fallback channel was declared.</summary>
    UnknownChannel = 2,

    /// <summary>The segment matches no id, name or alias of the catalog and no fallback segment was declared.</summary>
    UnknownSegment = 3,

    /// <summary>A required field is absent, empty or null.</summary>
    MissingField = 4,

    /// <summary>The row has a field the <see cref="LogColumns"/> mapping does not name (under <see cref="UnknownFieldPolicy.Reject"/>), a mapped field twice, or more fields than the header.</summary>
    ExtraField = 5,

    /// <summary>A field has the wrong JSON or database type, such as a number where text is expected, or a number out of range.</summary>
    WrongType = 6,

    /// <summary>A field has the right type but a value the vocabulary refuses, such as a topic with a control character, or a user identity the <see cref="UserNormalization"/> refuses.</summary>
    InvalidValue = 7,

    /// <summary>The record id was already seen earlier in the same input.</summary>
    DuplicateId = 8,

    /// <summary>The line is not valid UTF-8.</summary>
    InvalidUtf8 = 9,

    /// <summary>The line or record is longer than the reader's limit.</summary>
    LineTooLong = 10,

    /// <summary>The line is not one well-formed JSON object (valid JSON that is not an object included), or the CSV record has a malformed quoted field.</summary>
    Malformed = 11,

    /// <summary>The service times are out of order: a first response before the contact's timestamp, or an end before the first response or the timestamp.</summary>
    TimesOutOfOrder = 12,
}
