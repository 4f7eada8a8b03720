// CheckupTestKit — placeholder until its issue lands.
