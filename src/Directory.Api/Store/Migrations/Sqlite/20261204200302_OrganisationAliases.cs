using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thirty3.DirectoryApi.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisation_aliases",
                columns: table => new
                {
                    Alias = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_aliases", x => x.Alias);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_aliases_OrganisationId",
                table: "organisation_aliases",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_aliases");
        }
    }
}
