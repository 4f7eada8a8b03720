import CheckupCLI

await CheckupCommand.main()
