scontrol update NodeName=n4 State=DRAIN Reason=testing
