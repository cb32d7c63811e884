scontrol bogus
