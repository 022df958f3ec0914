using System.Globalization;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Testing;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Reads logs from real databases created in a temporary folder, and checks they equal the JSON Lines reading.</summary>
public sealed class DataReaderLogReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("djpk-io-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void DuckDbAndSqlite_GiveTheSameLogAsJsonLines()
    {
        InteractionLog source = Microseconds(SyntheticLog.Generate(3_000, userCount: 500, topicCount: 30, seed: 4).Log);
        string jsonl = Path.Combine(_folder, "log.jsonl");
        File.WriteAllBytes(jsonl, LogText.WriteJson(source, DateTimeZoneProviders.Tzdb["Asia/Jakarta"]));
        InteractionLog fromJson = JsonLinesLogReader.ReadFile(jsonl, DjpkProfile.IngestOptions).Log;
        Assert.Equal(source, fromJson);

        // DuckDB reads the same file itself into a typed table (TIMESTAMPTZ, BIGINT), which the library then reads back.
        using (var duck = new DuckDBConnection($"DataSource={Path.Combine(_folder, "log.duckdb")}"))
        {
            duck.Open();
            Execute(duck, $$"""
                CREATE TABLE log AS SELECT CAST("timestamp" AS TIMESTAMPTZ) AS waktu, channel, segment, topic, "user"
                FROM read_json('{{jsonl}}', format = 'newline_delimited',
                  columns = {"timestamp": 'VARCHAR', channel: 'VARCHAR', segment: 'VARCHAR', topic: 'VARCHAR', "user": 'BIGINT'})
                """);
            using DuckDBCommand query = duck.CreateCommand();
            query.CommandText = "SELECT * FROM log";
            using var reader = query.ExecuteReader();
            IngestResult fromDuck = DataReaderLogReader.Read(reader, DjpkProfile.IngestOptions.WithLocalZone(DateTimeZone.Utc), LogColumns.Default.WithNames(timestamp: "waktu"));
            Assert.Equal(fromJson, fromDuck.Log);
            Assert.Equal(3_000, fromDuck.Report.Accepted);
        }

        using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(_folder, "log.sqlite")}"))
        {
            sqlite.Open();
            Execute(sqlite, "CREATE TABLE log (id INTEGER PRIMARY KEY, timestamp TEXT NOT NULL, channel TEXT, segment TEXT, topic TEXT, user INTEGER)");
            using (SqliteTransaction transaction = sqlite.BeginTransaction())
            using (SqliteCommand insert = sqlite.CreateCommand())
            {
                insert.CommandText = "INSERT INTO log (timestamp, channel, segment, topic, user) VALUES ($t, $c, $s, $p, $u)";
                SqliteParameter t = insert.Parameters.Add("$t", SqliteType.Text), c = insert.Parameters.Add("$c", SqliteType.Text), s = insert.Parameters.Add("$s", SqliteType.Text);
                SqliteParameter p = insert.Parameters.Add("$p", SqliteType.Text), u = insert.Parameters.Add("$u", SqliteType.Integer);
                foreach (Consultation record in source)
                {
                    t.Value = NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(record.Timestamp.WithOffset(Offset.FromHours(7)));
                    (c.Value, s.Value, p.Value, u.Value) = (record.Channel.Id, record.Segment.Id, record.Topic.IsUnspecified ? DBNull.Value : record.Topic.Name, record.User.Value);
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            using SqliteCommand query = sqlite.CreateCommand();
            query.CommandText = "SELECT * FROM log ORDER BY id";
            using SqliteDataReader reader = query.ExecuteReader();
            IngestResult fromSqlite = DataReaderLogReader.Read(reader, DjpkProfile.IngestOptions);
            Assert.Equal(fromJson, fromSqlite.Log);
            Assert.Equal(0, fromSqlite.Report.BytesRead);
        }
    }

    [Fact]
    public void Read_BadRowsFromSqlite_AreRejectedWithRowAndColumn()
    {
        using var sqlite = new SqliteConnection($"Data Source={Path.Combine(_folder, "bad.sqlite")}");
        sqlite.Open();
        Execute(sqlite, """
            CREATE TABLE log (timestamp, channel, segment, topic, user, id);
            INSERT INTO log VALUES ('2023-12-04T09:15:00+07:00', 'phone', 'pemda', 'DBH', 1, 10);
            INSERT INTO log VALUES ('2023-12-04 09:15:00', 'phone', 'pemda', 'DBH', 1, 11);
            INSERT INTO log VALUES ('2023-12-04T09:15:00Z', 'fax', 'pemda', 'DBH', 1, 12);
            INSERT INTO log VALUES ('2023-12-04T09:15:00Z', 'phone', 'pemda', 42, 1, 13);
            INSERT INTO log VALUES ('2023-12-04T09:15:00Z', 'phone', 'pemda', NULL, 2.5, 14);
            INSERT INTO log VALUES (NULL, 'phone', 'pemda', NULL, 1, 15);
            INSERT INTO log VALUES ('2023-12-04T09:15:00Z', 'phone', 'pemda', NULL, '77', 10);
            INSERT INTO log VALUES ('2023-12-04T09:15:00Z', 'phone', 'media', NULL, 3, 16);
            """);
        using SqliteCommand query = sqlite.CreateCommand();
        query.CommandText = "SELECT * FROM log";
        using SqliteDataReader reader = query.ExecuteReader();
        IngestResult result = DataReaderLogReader.Read(reader, LogText.Collect.WithSegmentFallback(DjpkSegments.Lainnya));

        Assert.Equal("8 rows read: 2 accepted, 6 rejected (MissingOffset 1, UnknownChannel 1, MissingField 1, WrongType 2, DuplicateId 1)", result.Report.ToString());
        Assert.Equal(
            [(2L, "timestamp"), (3, "channel"), (4, "topic"), (5, "user"), (6, "timestamp"), (7, "id")],
            result.Report.Rejections.Select(r => (r.Line, r.Column)));
        Assert.Equal(1, result.Report.MappedSegments);
        Assert.Equal(DjpkSegments.Lainnya, result.Log[1].Segment);
        Assert.Throws<InvalidDataException>(() => DataReaderLogReader.Read(reader, DjpkProfile.IngestOptions, LogColumns.Default.WithNames(user: "pengguna")));
    }

    private static InteractionLog Microseconds(InteractionLog log) =>
        new InteractionLogBuilder(log.Catalog).AddRange(log.Select(c => new Consultation(
            Instant.FromUnixTimeTicks(c.Timestamp.ToUnixTimeTicks() / 10 * 10), c.Channel, c.Segment, c.Topic, c.User))).Build();

    [Fact]
    public void Read_SqliteExportWithUnixSecondsNamesAndConstant_IsRead()
    {
        using var sqlite = new SqliteConnection($"Data Source={Path.Combine(_folder, "export.sqlite")}");
        sqlite.Open();
        Execute(sqlite, """
            CREATE TABLE panggilan (waktu INTEGER, kategori TEXT, kontak TEXT, petugas TEXT);
            INSERT INTO panggilan VALUES (1701656100, 'Kementerian/Lembaga', ' Operator@Pemda.go.id', 'Ani'), (1701656160, 'Faks', '', 'Budi');
            """);
        using System.Data.Common.DbCommand query = sqlite.CreateCommand();
        query.CommandText = "SELECT * FROM panggilan";
        using System.Data.Common.DbDataReader reader = query.ExecuteReader();
        IngestOptions options = LogText.Collect.WithTimestampFormats(TimestampFormat.UnixSeconds).WithUserNormalization(UserNormalization.Email);
        LogColumns columns = LogColumns.Default.WithNames(timestamp: "waktu", segment: "kategori", user: "kontak").WithUserIdentity().WithConstantChannel(DjpkChannels.Phone);

        IngestResult result = DataReaderLogReader.Read(reader, options, columns);

        Consultation c = Assert.Single(result.Log);
        Assert.Equal((Instant.FromUnixTimeSeconds(1_701_656_100), DjpkChannels.Phone, DjpkSegments.KementerianLembaga, UserKey.FromText("operator@pemda.go.id")), (c.Timestamp, c.Channel, c.Segment, c.User));
        Assert.Equal([RejectionReason.UnknownSegment, RejectionReason.MissingField], result.Report.Rejections[0].Problems.Select(p => p.Reason));
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using System.Data.Common.DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
