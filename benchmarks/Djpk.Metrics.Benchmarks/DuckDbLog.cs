using System.Globalization;
using Djpk.Metrics.Testing;
using DuckDB.NET.Data;

namespace Djpk.Metrics.Benchmarks;

/// <summary>The synthetic log loaded into an in-memory DuckDB table with the appender, before any timing.</summary>
internal sealed class DuckDbLog : IDisposable
{
    private DuckDbLog(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    public static DuckDbLog Load(SyntheticLog data)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (DuckDBCommand create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE log (ts TIMESTAMP, channel UTINYINT, segment UTINYINT, topic USMALLINT, user_key BIGINT)";
            create.ExecuteNonQuery();
        }

        using (DuckDBAppender appender = connection.CreateAppender("log"))
        {
            for (int i = 0; i < data.Ticks.Length; i++)
            {
                appender.CreateRow()
                    .AppendValue(DateTime.UnixEpoch.AddTicks(data.Ticks[i]))
                    .AppendValue(data.Channels[i])
                    .AppendValue(data.Segments[i])
                    .AppendValue(data.Topics[i])
                    .AppendValue(data.Users[i])
                    .EndRow();
            }
        }

        return new DuckDbLog(connection);
    }

    /// <summary>Runs a query and reads every row, returning the row count and the sum of the last column.</summary>
    public (int Rows, long Sum) Query(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        int rows = 0;
        long sum = 0;
        while (reader.Read())
        {
            rows++;
            sum += Convert.ToInt64(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture);
        }

        return (rows, sum);
    }

    public void Dispose() => Connection.Dispose();
}
