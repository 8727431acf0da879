namespace Thirty3.Bench.Micro; public static class MicroProgram { public static void Main(string[] args) { } }
