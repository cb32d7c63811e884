scontrol update NodeName=n4 State=RESUME
