namespace Proposals.Tests.Storage;

// The storage suite on Postgres: the same test classes as on every other provider.
public sealed class PostgresItemStoreTests : ItemStoreTests<PostgresLedger>;

public sealed class PostgresReminderStoreTests : ReminderStoreTests<PostgresLedger>;

public sealed class PostgresDivisionStoreTests : DivisionStoreTests<PostgresLedger>;

public sealed class PostgresCalendarStoreTests : CalendarStoreTests<PostgresLedger>;

public sealed class PostgresSchemaMigratorTests : SchemaMigratorTests<PostgresLedger>;
public sealed class PostgresRecordUpgradeTests : RecordUpgradeTests<PostgresLedger>;

public sealed class PostgresReportRunStoreTests : ReportRunStoreTests<PostgresLedger>;

public sealed class PostgresDeskStoreTests : DeskStoreTests<PostgresLedger>;

public sealed class PostgresSecretStoreTests : SecretStoreTests<PostgresLedger>;

public sealed class PostgresLinkUseStoreTests : LinkUseStoreTests<PostgresLedger>;

[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class PostgresAnswerLinkOnceTests : Answers.AnswerLinkOnceTests<PostgresLedger>;
public sealed class PostgresSessionRevocationStoreTests : SessionRevocationStoreTests<PostgresLedger>;
public sealed class PostgresUploadStoreTests : UploadStoreTests<PostgresLedger>;
