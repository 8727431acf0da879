using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Thirty3.DirectoryApi.Store.Migrations.PostgreSql
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
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SecretHash = table.Column<string>(type: "text", nullable: false),
                    AllowedBuyers = table.Column<string>(type: "text", nullable: false),
                    IsAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cpv_labels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpv_labels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "index_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndexName = table.Column<string>(type: "text", nullable: false),
                    DocumentId = table.Column<string>(type: "text", nullable: false),
                    EnqueuedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    Ocid = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: true),
                    BuyerId = table.Column<string>(type: "text", nullable: true),
                    UpdatedMs = table.Column<long>(type: "bigint", nullable: false),
                    DeadlineMs = table.Column<long>(type: "bigint", nullable: true),
                    ReleaseCount = table.Column<int>(type: "integer", nullable: false),
                    DetailJson = table.Column<string>(type: "text", nullable: false),
                    CompiledJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => x.Ocid);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    GssCode = table.Column<string>(type: "text", nullable: true),
                    Scale = table.Column<string>(type: "text", nullable: true),
                    IsBuyer = table.Column<bool>(type: "boolean", nullable: false),
                    IsSupplier = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "projection_checkpoints",
                columns: table => new
                {
                    Projection = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IndexName = table.Column<string>(type: "text", nullable: false),
                    Watermark = table.Column<long>(type: "bigint", nullable: false),
                    SeenMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projection_checkpoints", x => x.Projection);
                });

            migrationBuilder.CreateTable(
                name: "rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Ocid = table.Column<string>(type: "text", nullable: true),
                    ItemId = table.Column<string>(type: "text", nullable: true),
                    Path = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rejections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Ocid = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReleaseId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DateMs = table.Column<long>(type: "bigint", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    ReceivedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "technologies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    BoroughGss = table.Column<string>(type: "text", nullable: false),
                    Function = table.Column<string>(type: "text", nullable: false),
                    Product = table.Column<string>(type: "text", nullable: false),
                    Supplier = table.Column<string>(type: "text", nullable: false),
                    SupplierId = table.Column<string>(type: "text", nullable: true),
                    ContractEnd = table.Column<string>(type: "text", nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    UpdatedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_technologies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_changes_IndexName_Id",
                table: "index_changes",
                columns: new[] { "IndexName", "Id" });

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
                name: "index_changes");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "projection_checkpoints");

            migrationBuilder.DropTable(
                name: "rejections");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropTable(
                name: "technologies");
        }
    }
}
