Console.Error.WriteLine("usage: prorata simulate FILE.json");
return 2;
