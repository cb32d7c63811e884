cat args.out
