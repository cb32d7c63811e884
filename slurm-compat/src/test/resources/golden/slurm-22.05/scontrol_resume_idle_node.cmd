scontrol update NodeName=n3 State=RESUME
