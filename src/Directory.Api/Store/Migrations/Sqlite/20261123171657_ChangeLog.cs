using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thirty3.DirectoryApi.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Renamed, not recreated: rows not yet applied by the index carry over into the log.
            migrationBuilder.DropIndex(
                name: "IX_index_outbox_Id",
                table: "index_outbox");

            migrationBuilder.RenameTable(
                name: "index_outbox",
                newName: "index_changes");

            migrationBuilder.CreateTable(
                name: "projection_checkpoints",
                columns: table => new
                {
                    Projection = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IndexName = table.Column<string>(type: "TEXT", nullable: false),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: false),
                    SeenMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projection_checkpoints", x => x.Projection);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_changes_IndexName_Id",
                table: "index_changes",
                columns: new[] { "IndexName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projection_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_index_changes_IndexName_Id",
                table: "index_changes");

            migrationBuilder.RenameTable(
                name: "index_changes",
                newName: "index_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_index_outbox_Id",
                table: "index_outbox",
                column: "Id");
        }
    }
}
