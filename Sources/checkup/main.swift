import CheckupCLI

await CheckupMain.main()
