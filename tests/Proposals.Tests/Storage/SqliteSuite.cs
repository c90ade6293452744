namespace Proposals.Tests.Storage;

// The storage suite on Sqlite: the same test classes as on every other provider.
public sealed class SqliteItemStoreTests : ItemStoreTests<SqliteLedger>;

public sealed class SqliteReminderStoreTests : ReminderStoreTests<SqliteLedger>;

public sealed class SqliteDivisionStoreTests : DivisionStoreTests<SqliteLedger>;

public sealed class SqliteCalendarStoreTests : CalendarStoreTests<SqliteLedger>;

public sealed class SqliteSchemaMigratorTests : SchemaMigratorTests<SqliteLedger>;
public sealed class SqliteRecordUpgradeTests : RecordUpgradeTests<SqliteLedger>;

public sealed class SqliteReportRunStoreTests : ReportRunStoreTests<SqliteLedger>;

public sealed class SqliteDeskStoreTests : DeskStoreTests<SqliteLedger>;

public sealed class SqliteSecretStoreTests : SecretStoreTests<SqliteLedger>;

public sealed class SqliteLinkUseStoreTests : LinkUseStoreTests<SqliteLedger>;

[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SqliteAnswerLinkOnceTests : Answers.AnswerLinkOnceTests<SqliteLedger>;
public sealed class SqliteSessionRevocationStoreTests : SessionRevocationStoreTests<SqliteLedger>;
public sealed class SqliteUploadStoreTests : UploadStoreTests<SqliteLedger>;
