using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thirty3.DirectoryApi.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RejectionPublisher : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublisherName",
                table: "rejections",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublisherName",
                table: "rejections");
        }
    }
}
