using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thirty3.DirectoryApi.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", nullable: false),
                    AllowedBuyers = table.Column<string>(type: "TEXT", nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cpv_labels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpv_labels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "index_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexName = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", nullable: false),
                    EnqueuedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    Ocid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    BuyerId = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleaseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DetailJson = table.Column<string>(type: "TEXT", nullable: false),
                    CompiledJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => x.Ocid);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    GssCode = table.Column<string>(type: "TEXT", nullable: true),
                    Scale = table.Column<string>(type: "TEXT", nullable: true),
                    IsBuyer = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSupplier = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Ocid = table.Column<string>(type: "TEXT", nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rejections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ocid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReleaseId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DateMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "technologies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    BoroughGss = table.Column<string>(type: "TEXT", nullable: false),
                    Function = table.Column<string>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: true),
                    ContractEnd = table.Column<string>(type: "TEXT", nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_technologies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_outbox_Id",
                table: "index_outbox",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_BuyerId",
                table: "opportunities",
                column: "BuyerId");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_UpdatedMs",
                table: "opportunities",
                column: "UpdatedMs");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Name",
                table: "organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_rejections_AtMs",
                table: "rejections",
                column: "AtMs");

            migrationBuilder.CreateIndex(
                name: "IX_releases_Ocid_ReleaseId",
                table: "releases",
                columns: new[] { "Ocid", "ReleaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_technologies_BoroughGss",
                table: "technologies",
                column: "BoroughGss");

            migrationBuilder.CreateIndex(
                name: "IX_technologies_Product",
                table: "technologies",
                column: "Product");

            migrationBuilder.CreateIndex(
                name: "IX_technologies_Supplier",
                table: "technologies",
                column: "Supplier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "cpv_labels");

            migrationBuilder.DropTable(
                name: "index_outbox");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "rejections");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropTable(
                name: "technologies");
        }
    }
}
