mkdir -p outpat && cd outpat && sbatch -o 'out-%j-%x-%u-%N-%A-%a-%%-%5j.txt' --wrap='echo x'
