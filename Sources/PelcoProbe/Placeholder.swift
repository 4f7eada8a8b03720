// PelcoProbe — placeholder until its issue lands.
