sbatch --export=NONE -o export_none.env --wrap='env | sort'
