// CheckupCLI — placeholder until its issue lands.
